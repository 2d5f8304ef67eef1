/**
 * Plumbing of the Device Gateway client: the JSON reader and writer, typed access to JSON fields, the models' field
 * rules. Not API: the module does not export this package, and it may change in any release.
 */
package io.github.walletdevice.gateway.internal;
