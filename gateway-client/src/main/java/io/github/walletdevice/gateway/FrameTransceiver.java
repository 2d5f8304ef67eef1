package io.github.walletdevice.gateway;

import java.util.Optional;

/**
 * Sends one FeliCa frame to a card and returns its answer: the smallest bridge to a device (Android's
 * {@code NfcF.transceive}, a reader, the virtual card). Adapt it with {@link DeviceCommandExecutor#ofFrames}.
 */
@FunctionalInterface
public interface FrameTransceiver {

    /**
     * Exchanges one frame.
     *
     * @param frame the command frame, LEN byte first, no preamble or CRC
     * @return the response frame, or empty when the card stayed silent
     * @throws DeviceFailureException when the device failed ({@link DeviceCommandExecutor#ofFrames} reports any
     *         other {@link RuntimeException} as {@link DeviceFailure#UNEXPECTED_ERROR}, with the responses obtained
     *         before it)
     */
    Optional<byte[]> transceive(byte[] frame);
}
