package io.github.walletdevice.gateway;

import io.github.walletdevice.core.WalletDeviceException;
import io.github.walletdevice.gateway.internal.Rules;
import java.util.List;
import java.util.Objects;

/**
 * Thrown by a {@link DeviceCommandExecutor} when the device could not run every command of a round. It carries the
 * kind of failure (reported to the TES as 221, 231 or 232) and the responses the card gave before it failed, which
 * {@link CommandSession} reports with it.
 */
public class DeviceFailureException extends WalletDeviceException {
    private static final long serialVersionUID = 1L;

    /** The kind of failure. */
    private final DeviceFailure failure;
    private final transient List<CommandResponse> responses;

    /**
     * Creates the exception.
     *
     * @param failure the kind of failure
     * @param message what failed; sent to the TES as the {@code statusMessage}, so keep it free of secrets
     * @param responses the responses obtained before the failure, in command order (may be empty)
     * @param cause the underlying failure, or {@code null}
     */
    public DeviceFailureException(DeviceFailure failure, String message, List<CommandResponse> responses,
                                  Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.responses = Rules.list("responses", responses);
    }

    /**
     * Creates the exception with no responses obtained.
     *
     * @param failure the kind of failure
     * @param message what failed; sent to the TES as the {@code statusMessage}
     */
    public DeviceFailureException(DeviceFailure failure, String message) {
        this(failure, message, List.of(), null);
    }

    /**
     * The kind of failure.
     *
     * @return the failure
     */
    public DeviceFailure failure() {
        return failure;
    }

    /**
     * The responses the card gave before the failure.
     *
     * @return the responses, possibly empty
     */
    public List<CommandResponse> responses() {
        return responses == null ? List.of() : responses;
    }

    /**
     * The same failure carrying other responses (for adapters that collect them).
     *
     * @param obtained the responses obtained before the failure
     * @return a new exception with this one's kind, message and cause
     */
    public DeviceFailureException withResponses(List<CommandResponse> obtained) {
        return new DeviceFailureException(failure, getMessage(), obtained, getCause());
    }
}
