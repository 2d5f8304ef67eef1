package io.github.walletdevice.examples.thredd;

import java.util.List;
import java.util.Objects;

/**
 * A tokenised card the simulated Thredd knows: its DPAN, its payment token id and the devices bound to it.
 *
 * @param dpan the DPAN, 16–19 digits
 * @param paymentTokenId the payment token id, 1–20 letters and digits
 * @param devices the devices, in Visa index order
 */
public record SimulatedToken(String dpan, String paymentTokenId, List<SimulatedDevice> devices) {
    /**
     * Checks and copies the values.
     *
     * @param dpan the DPAN
     * @param paymentTokenId the payment token id
     * @param devices the devices
     */
    public SimulatedToken {
        Objects.requireNonNull(dpan, "dpan");
        Objects.requireNonNull(paymentTokenId, "paymentTokenId");
        devices = List.copyOf(devices);
    }
}
