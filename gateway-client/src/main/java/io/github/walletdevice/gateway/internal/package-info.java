/**
 * Plumbing of the Device Gateway client that knows nothing of the API's types: typed lenient access to JSON fields,
 * the one configured mapper, the models' field rules. The API package uses it, never the reverse (no package cycle);
 * the JSON reader and writer, which build and read the API's records, stay package-private in the API package. Not
 * API: the module does not export this package, and it may change in any release.
 */
package io.github.walletdevice.gateway.internal;
