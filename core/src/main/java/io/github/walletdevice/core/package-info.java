/**
 * What every walletdevice client shares: the exception hierarchy rooted at
 * {@link io.github.walletdevice.core.WalletDeviceException}, the {@link io.github.walletdevice.core.RetryPolicy}
 * and {@link io.github.walletdevice.core.CallKind} that decide what may be repeated, the
 * {@link io.github.walletdevice.core.CallInterceptor} seam that sees every attempt, field
 * validation ({@link io.github.walletdevice.core.Fields}) and redaction ({@link io.github.walletdevice.core.Redactor}).
 */
package io.github.walletdevice.core;
