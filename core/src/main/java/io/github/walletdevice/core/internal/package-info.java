/**
 * The call layer and the plumbing the walletdevice modules share; not an API. Exported only to the SDK's own modules
 * ({@code transport.okhttp}, {@code gateway}, {@code thredd}); its types may change in any release.
 */
package io.github.walletdevice.core.internal;
