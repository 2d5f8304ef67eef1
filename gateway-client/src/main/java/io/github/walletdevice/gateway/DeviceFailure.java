package io.github.walletdevice.gateway;

/**
 * How a device failed to run a round's commands, as the TSH reports it to the TES: each kind is one of the spec's
 * device status codes.
 */
public enum DeviceFailure {
    /** 221: the device or the wallet server could not be reached. */
    NOT_ACCESSIBLE(GatewayStatus.DEVICE_NOT_ACCESSIBLE),
    /** 231: the device failed unexpectedly, e.g. the card fell silent (tag lost) or the secure element erred. */
    UNEXPECTED_ERROR(GatewayStatus.DEVICE_UNEXPECTED_ERROR),
    /** 232: the device ran out of memory. */
    OUT_OF_MEMORY(GatewayStatus.DEVICE_OUT_OF_MEMORY);

    private final GatewayStatus status;

    DeviceFailure(GatewayStatus status) {
        this.status = status;
    }

    /**
     * The status reported to the TES for this failure.
     *
     * @return 221, 231 or 232
     */
    public GatewayStatus status() {
        return status;
    }
}
