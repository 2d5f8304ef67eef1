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
 * by throwing {@link DeviceFailureException} carrying <b>every response the card gave before failing</b>; the session
 * then reports them to the TES with 221, 231 or 232. This is about money: a card may already have applied a command
 * of the round (a purse write, a top-up), and the TES can only record what the card did if it receives the card's
 * answer to it. An implementation must therefore catch whatever its device bridge throws (an
 * {@link java.io.UncheckedIOException} from an NFC link, a {@link io.github.walletdevice.core.ValidationException}
 * for an answer that is not a frame) and rethrow it as a {@link DeviceFailureException} with the responses obtained
 * so far, as {@link #ofFrames} does. Any other exception is still reported as 231 (device unexpected error), but
 * without responses: the session cannot know which commands the card ran, and neither can the TES.
 */
@FunctionalInterface
public interface DeviceCommandExecutor {

    /**
     * Runs the commands in order.
     *
     * @param commands the round's commands, at least one
     * @return one response per command, in order, each with the command's {@code commandId}
     * @throws DeviceFailureException when the device could not run them all, carrying the responses obtained before
     *         the failure
     */
    List<CommandResponse> execute(List<Command> commands);

    /**
     * An executor that sends the frames one by one. Silence from the card ends the round as a
     * {@link DeviceFailure#UNEXPECTED_ERROR} (231): a phone sees it as a lost tag, and the TES cannot go on without
     * the answer. So does any other {@link RuntimeException} of the transceiver (e.g. an
     * {@link java.io.UncheckedIOException} from an NFC bridge) and an answer that is not a frame (empty, or longer
     * than 255 bytes). A {@link DeviceFailureException} of the transceiver keeps its kind. In every case the
     * responses obtained before the failure go with it.
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
                } catch (RuntimeException e) {
                    throw unexpected("The device failed on " + which(c, out, commands), e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()), out, e);
                }
                if (answer == null || answer.isEmpty()) {
                    throw unexpected("The card did not answer " + which(c, out, commands), null, out, null);
                }
                byte[] frame = answer.get();
                try {
                    out.add(CommandResponse.of(c.commandId(), frame));
                } catch (RuntimeException e) {
                    throw unexpected("The card's answer to " + which(c, out, commands) + " is not a response frame",
                            frame.length + " bytes, not 1 to 255", out, e);
                }
            }
            return out;
        };
    }

    private static String which(Command c, List<CommandResponse> obtained, List<Command> commands) {
        return "command " + c.commandId() + " (" + (obtained.size() + 1) + " of " + commands.size() + ")";
    }

    /** A 231 carrying the responses obtained so far. */
    private static DeviceFailureException unexpected(String what, String why, List<CommandResponse> obtained,
                                                     RuntimeException cause) {
        return new DeviceFailureException(DeviceFailure.UNEXPECTED_ERROR, why == null ? what : what + ": " + why,
                obtained, cause);
    }
}
