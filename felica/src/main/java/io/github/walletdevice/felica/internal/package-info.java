/**
 * The codec's byte helpers (copies, hex parsing) the record types use. Not part of the API:
 * {@code module-info} does not export this package, and it may change in any release.
 */
package io.github.walletdevice.felica.internal;
