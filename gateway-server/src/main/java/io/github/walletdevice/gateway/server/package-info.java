/**
 * The TES side of the Thales Transit Classic Device Gateway API: serve {@code getCardCommands},
 * {@code getParkCardCommands} and {@code getReaderModeCommands} to a TSH.
 *
 * <p>{@link io.github.walletdevice.gateway.server.GatewayServer} reads each call strictly (111/112, as the spec
 * says and no stricter), keeps one operation per device with a time to live (118, 321, 322, 323) in a pluggable
 * {@link io.github.walletdevice.gateway.server.SessionStore}, matches and decodes the card's answers to the FeliCa
 * commands a handler sent ({@link io.github.walletdevice.gateway.server.GatewaySession}), turns card errors into the
 * spec's codes ({@link io.github.walletdevice.gateway.server.CardErrors}), and calls one handler per operation.
 * Adapters: {@link io.github.walletdevice.gateway.server.GatewayHttpServer} (the JDK's HTTP server) and
 * {@link io.github.walletdevice.gateway.server.GatewayServlet} (Jakarta Servlet 6).
 *
 * <p>The request fields, their limits, the header and the status codes are the spec's; the {@code responses} items,
 * the {@code commands}, {@code balance} and the answer's top-level status are <b>reconstructed</b> (the spec does
 * not publish them), written as the SDK's client reads them.
 */
package io.github.walletdevice.gateway.server;
