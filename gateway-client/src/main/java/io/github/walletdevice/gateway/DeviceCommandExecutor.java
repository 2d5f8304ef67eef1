package io.github.walletdevice.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's bridge to a device: runs one round of the TES's FeliCa commands on the card and returns the card's
 * answers. {@link CommandSession} calls it between two Device Gateway calls; {@link VirtualCardExecutor} is a ready
 * implementation on the SDK's virtual card.
 *
 * <p>An implementation must bound its own time (a real card answers within the PMm's timeouts) and report a failure
 * by throwing {@link DeviceFailureException} with the responses it got before failing; the session then reports it
 * to the TES as 221, 231 or 232. Any other exception is reported as 231 (device unexpected error).
 */
@FunctionalInterface
public interface DeviceCommandExecutor {

    /**
     * Runs the commands in order.
     *
     * @param commands the round's commands, at least one
     * @return one response per command, in order, each with the command's {@code commandId}
     * @throws DeviceFailureException when the device could not run them all
     */
    List<CommandResponse> execute(List<Command> commands);

    /**
     * An executor that sends the frames one by one. Silence from the card ends the round as a
     * {@link DeviceFailure#UNEXPECTED_ERROR} (231): a phone sees it as a lost tag, and the TES cannot go on without
     * the answer. Responses obtained before a failure go with it.
     *
     * @param transceiver exchanges one frame
     * @return the executor
     */
    static DeviceCommandExecutor ofFrames(FrameTransceiver transceiver) {
        Objects.requireNonNull(transceiver, "transceiver");
        return commands -> {
            List<CommandResponse> out = new ArrayList<>(commands.size());
            for (Command c : commands) {
                Optional<byte[]> answer;
                try {
                    answer = transceiver.transceive(c.frame());
                } catch (DeviceFailureException e) {
                    throw e.withResponses(out);
                }
                if (answer == null || answer.isEmpty()) {
                    throw new DeviceFailureException(DeviceFailure.UNEXPECTED_ERROR, "The card did not answer "
                            + "command " + c.commandId() + " (" + (out.size() + 1) + " of " + commands.size() + ")",
                            out, null);
                }
                out.add(CommandResponse.of(c.commandId(), answer.get()));
            }
            return out;
        };
    }
}
