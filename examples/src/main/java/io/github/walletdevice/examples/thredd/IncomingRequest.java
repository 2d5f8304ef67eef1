package io.github.walletdevice.examples.thredd;

/**
 * A Token Device Management request as the simulated Thredd received it: every value as sent, {@code null} when
 * the element was absent, so that the service can answer each omission with Thredd's own action code.
 *
 * @param soap12 whether the envelope was SOAP 1.2 (else 1.1)
 * @param userName {@code strUserName}
 * @param password {@code strPassword}
 * @param wsid {@code WSID}
 * @param issCode {@code IssCode}
 * @param func {@code Func}
 * @param dpan {@code DPAN}
 * @param paymentTokenId {@code PaymentTokenId} (or {@code PaymentTokenID}, as the simulator is configured)
 * @param deviceIndex {@code DeviceIndex}
 */
public record IncomingRequest(boolean soap12, String userName, String password, String wsid, String issCode,
                              String func, String dpan, String paymentTokenId, String deviceIndex) {
}
