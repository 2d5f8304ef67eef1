package io.github.walletdevice.gateway;

import java.util.List;
import java.util.Objects;

/**
 * How a command session ended.
 *
 * @param api the operation run
 * @param outcome how it ended
 * @param rounds the number of Device Gateway calls made
 * @param balance the last balance the TES sent, or {@code null}
 * @param cardAccountId the card account the TES created (reader mode), or {@code null}
 * @param lastStatus the status of the TES's last answer
 * @param lastStatusMessage the text of the TES's last answer, or {@code null}
 * @param detail one sentence on why the session ended
 * @param transcript every round, in order
 */
public record SessionResult(GatewayApi api, SessionOutcome outcome, int rounds, Long balance, String cardAccountId,
                            StatusCode lastStatus, String lastStatusMessage, String detail,
                            List<SessionRound> transcript) {

    /**
     * Checks the parts that must be present.
     *
     * @param api the operation run
     * @param outcome how it ended
     * @param rounds the number of calls made
     * @param balance the last balance, or {@code null}
     * @param cardAccountId the card account, or {@code null}
     * @param lastStatus the last status
     * @param lastStatusMessage the last text, or {@code null}
     * @param detail why it ended
     * @param transcript every round
     */
    public SessionResult {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(detail, "detail");
        transcript = List.copyOf(transcript);
    }

    /**
     * Whether the operation completed: the TES answered 0 with no more commands.
     *
     * @return {@code true} for {@link SessionOutcome#COMPLETED}
     */
    public boolean isSuccess() {
        return outcome == SessionOutcome.COMPLETED;
    }

    /**
     * This result when the operation completed.
     *
     * @return this result
     * @throws GatewayStatusException when the TES's last answer had a non-zero status
     * @throws CommandSessionException when the session ended otherwise without completing
     */
    public SessionResult orThrow() {
        if (isSuccess()) {
            return this;
        }
        if (!lastStatus.isOk()) {
            throw new GatewayStatusException(api, lastStatus, lastStatusMessage);
        }
        throw new CommandSessionException(this);
    }

    @Override
    public String toString() {
        return "SessionResult[" + api + " " + outcome + ", rounds=" + rounds
                + (balance == null ? "" : ", balance=" + balance)
                + (cardAccountId == null ? "" : ", cardAccountId=" + cardAccountId)
                + ", lastStatus=" + lastStatus + ", detail=" + detail + "]";
    }
}
