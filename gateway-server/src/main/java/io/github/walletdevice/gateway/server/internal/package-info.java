/**
 * Plumbing of the TES side: strict typed access to a request's JSON fields and the refusal (111/112) it raises.
 * Not API: the module does not export this package, and it may change in any release.
 */
package io.github.walletdevice.gateway.server.internal;
