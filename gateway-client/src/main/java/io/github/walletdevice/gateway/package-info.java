/**
 * Client of the Thales Transit Classic Device Gateway API (TSH → TES) and the FeliCa command loop.
 *
 * <h2>The contract</h2>
 * <p><b>Confirmed</b> by the published spec: {@code POST {base}/tes/devicegtwapi/1/0/getCardCommands},
 * {@code /getParkCardCommands} and {@code /getReaderModeCommands}; JSON; the {@code x-actor-id} header (at most 32
 * characters); the request fields and their limits ({@code issuerId} 1–16, {@code cardId} 1–48, {@code purchaseId}
 * 1–64, {@code deviceId} 1–48, {@code operation}, {@code responseTimeMs}, {@code statusCode},
 * {@code statusMessage}, reader mode's {@code cardContents} and no {@code cardId}); the 26 status codes
 * ({@link io.github.walletdevice.gateway.GatewayStatus}); {@code cardAccountId} (1–48) in the reader-mode answer;
 * HTTP 500 for a server error.
 *
 * <p><b>Reconstructed</b>, because the spec's schemas are not published: the {@code responses} items
 * ({@code commandId}, {@code response} hex) of requests; the answer's {@code statusCode}, {@code statusMessage},
 * {@code commands} ({@code commandId}, {@code command} hex, LEN byte first), {@code balance}; the values of
 * {@code operation} ({@link io.github.walletdevice.gateway.Operation} is open). So that the SDK keeps working when
 * the real schema differs, unknown fields are kept on read and callers can add fields to what they send (the
 * {@code extensions} of every model). The OpenAPI 3.1 document of the contract as implemented ships as the resource
 * {@code io/github/walletdevice/gateway/device-gateway-openapi.yaml}, with the reconstructed parts marked
 * {@code x-walletdevice-reconstructed: true}.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link io.github.walletdevice.gateway.DeviceGatewayClient}: one call per method, sync and async.</li>
 *   <li>{@link io.github.walletdevice.gateway.CommandSession}: a whole operation, running the TES's commands on a
 *       {@link io.github.walletdevice.gateway.DeviceCommandExecutor} (for example
 *       {@link io.github.walletdevice.gateway.VirtualCardExecutor}) until the TES is done.</li>
 *   <li>{@link io.github.walletdevice.gateway.GatewayJson}: the JSON form, for servers and tests.</li>
 * </ul>
 */
package io.github.walletdevice.gateway;
