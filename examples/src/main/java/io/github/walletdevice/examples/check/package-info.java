/**
 * {@code walletdevice gateway check}: a conformance report for any TES serving the Device Gateway API. Start with
 * {@link io.github.walletdevice.examples.check.GatewayConformanceCheck#run(CheckOptions)}.
 */
package io.github.walletdevice.examples.check;
