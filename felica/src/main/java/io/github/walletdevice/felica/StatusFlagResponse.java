package io.github.walletdevice.felica;

/**
 * A response that carries Status Flag 1 and Status Flag 2 after the IDm. When Status Flag 1 is not {@code 00} the
 * frame ends after Status Flag 2.
 */
public sealed interface StatusFlagResponse extends FelicaResponse
        permits ReadWithoutEncryptionResponse, WriteWithoutEncryptionResponse, GetNodePropertyResponse,
                RequestServiceV2Response, GetSystemStatusResponse, RequestSpecificationVersionResponse,
                ResetModeResponse {

    /**
     * Returns Status Flag 1.
     *
     * @return the flag
     */
    StatusFlag1 statusFlag1();

    /**
     * Returns Status Flag 2.
     *
     * @return the flag
     */
    StatusFlag2 statusFlag2();

    /**
     * Tells whether the command succeeded: Status Flag 1 is {@code 00}, or Status Flag 2 is the warning {@code 71}
     * (memory rewrite count exceeded, the write was performed).
     *
     * @return true on success
     */
    default boolean isSuccess() {
        return statusFlag1().isSuccess() || statusFlag2().isWarning();
    }

    /**
     * Tells whether the response is an error body, that is whether Status Flag 1 is not {@code 00}, so the frame
     * ends after Status Flag 2.
     *
     * @return true for an error body
     */
    default boolean isErrorBody() {
        return !statusFlag1().isSuccess();
    }
}
