package io.github.walletdevice.gateway;

/** How a {@link CommandSession} ended. */
public enum SessionOutcome {
    /** The TES answered status 0 with no more commands: the operation is done. */
    COMPLETED,
    /** The TES answered a non-zero status. */
    TES_FAILURE,
    /** The device failed; the failure (221, 231 or 232) was reported to the TES, whose answer ended the session. */
    DEVICE_FAILURE,
    /** The TES still sent commands when the round limit was reached; they were not run. */
    ROUND_LIMIT,
    /** The session's deadline passed; it was reported to the TES as 322, whose answer ended the session. */
    DEADLINE
}
