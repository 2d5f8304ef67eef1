package io.github.walletdevice.thredd;

import java.util.concurrent.CompletableFuture;

/**
 * The Token Device Management operations, from {@link ThreddClient#tokenDevices()}. Thread-safe.
 *
 * <p>Every request is checked against the specification before it is sent ({@link
 * io.github.walletdevice.core.ValidationException}, nothing sent) and gets a new WSID per attempt. The methods
 * without an IssCode use the client's default one. The asynchronous variants never throw: every failure,
 * validation included, completes the future exceptionally with the exception the synchronous method would throw.
 *
 * <p>Failures: {@link ThreddActionException} (a failure action code), {@link SoapFaultException},
 * {@link io.github.walletdevice.core.HttpStatusException} (HTTP 403 is Thredd's 20-connection fair-use limit),
 * {@link io.github.walletdevice.core.MalformedResponseException},
 * {@link io.github.walletdevice.core.TransportException}, and for an unbind whose outcome cannot be known (no
 * answer once sent, an HTTP 5xx without a SOAP answer, an unreadable answer, a receiver SOAP fault),
 * {@link UnbindOutcomeUnknownException}. A sender SOAP fault on an unbind stays a {@link SoapFaultException}: the
 * request was rejected unread.
 */
public interface TokenDevices {

    /**
     * Lists the devices bound to a token ({@code Func} 00), with the default IssCode. Read-only, so retried per
     * the client's retry policy, each attempt with a new WSID.
     *
     * @param token the DPAN and/or payment token id
     * @return the devices; empty for action code 218
     * @throws ThreddActionException for any action code but 000 and 218
     */
    TokenDeviceList list(TokenRef token);

    /**
     * Lists the devices bound to a token, for an IssCode.
     *
     * @param issCode the IssCode, 1–4 letters and digits
     * @param token the DPAN and/or payment token id
     * @return the devices; empty for action code 218
     * @throws ThreddActionException for any action code but 000 and 218
     */
    TokenDeviceList list(String issCode, TokenRef token);

    /**
     * Lists without blocking, with the default IssCode.
     *
     * @param token the DPAN and/or payment token id
     * @return a future of the devices
     */
    CompletableFuture<TokenDeviceList> listAsync(TokenRef token);

    /**
     * Lists without blocking, for an IssCode.
     *
     * @param issCode the IssCode
     * @param token the DPAN and/or payment token id
     * @return a future of the devices
     */
    CompletableFuture<TokenDeviceList> listAsync(String issCode, TokenRef token);

    /**
     * Unbinds a device from a token ({@code Func} 01), with the default IssCode. Never resent once it may have
     * reached Thredd: when the outcome cannot be known, {@link UnbindOutcomeUnknownException} carries the WSID to
     * check with {@code Ws_WebServiceResult}.
     *
     * @param token the DPAN and/or payment token id
     * @param deviceIndex the device's {@link TokenDevice#boundDeviceIndex() index}, 1–3 letters and digits, as listed
     * @return the result: unbound (000) or already unbound (220)
     * @throws ThreddActionException for any action code but 000 and 220 (e.g. 219: no such device)
     * @throws UnbindOutcomeUnknownException when Thredd may or may not have acted
     */
    UnbindResult unbind(TokenRef token, String deviceIndex);

    /**
     * Unbinds a device from a token, for an IssCode.
     *
     * @param issCode the IssCode
     * @param token the DPAN and/or payment token id
     * @param deviceIndex the device's index, 1–3 letters and digits, as listed
     * @return the result: unbound (000) or already unbound (220)
     * @throws ThreddActionException for any action code but 000 and 220
     * @throws UnbindOutcomeUnknownException when Thredd may or may not have acted
     */
    UnbindResult unbind(String issCode, TokenRef token, String deviceIndex);

    /**
     * Unbinds without blocking, with the default IssCode.
     *
     * @param token the DPAN and/or payment token id
     * @param deviceIndex the device's index
     * @return a future of the result
     */
    CompletableFuture<UnbindResult> unbindAsync(TokenRef token, String deviceIndex);

    /**
     * Unbinds without blocking, for an IssCode.
     *
     * @param issCode the IssCode
     * @param token the DPAN and/or payment token id
     * @param deviceIndex the device's index
     * @return a future of the result
     */
    CompletableFuture<UnbindResult> unbindAsync(String issCode, TokenRef token, String deviceIndex);
}
