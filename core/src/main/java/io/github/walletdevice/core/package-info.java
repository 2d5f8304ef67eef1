/**
 * What every walletdevice client shares: the exception hierarchy rooted at
 * {@link io.github.walletdevice.core.WalletDeviceException}, the {@link io.github.walletdevice.core.RetryPolicy}
 * and {@link io.github.walletdevice.core.CallKind} that decide what may be repeated, the
 * {@link io.github.walletdevice.core.CallInterceptor} seam that sees every attempt, field
 * validation ({@link io.github.walletdevice.core.Fields}) and redaction ({@link io.github.walletdevice.core.Redactor}),
 * and the immutable HTTP messages ({@link io.github.walletdevice.core.HttpRequest},
 * {@link io.github.walletdevice.core.HttpResponse}, {@link io.github.walletdevice.core.HttpHeaders}) that
 * interceptors, exceptions and transports all see. They live here, not in {@code core.transport}, so that the
 * exceptions can carry an answer's headers without {@code core} and {@code core.transport} depending on each other.
 */
package io.github.walletdevice.core;
