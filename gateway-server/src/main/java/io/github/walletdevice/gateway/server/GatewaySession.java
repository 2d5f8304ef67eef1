package io.github.walletdevice.gateway.server;

import io.github.walletdevice.felica.FelicaCommand;
import io.github.walletdevice.felica.FelicaDecoder;
import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.StatusFlagResponse;
import io.github.walletdevice.gateway.Command;
import io.github.walletdevice.gateway.CommandResponse;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One operation in progress on one device, from the first call to the answer that ends it: what a handler sees of
 * the rounds so far. A handler sends FeliCa commands with {@link #commands(FelicaCommand...)} (ids assigned), and
 * on the next round reads the card's answers with {@link #answer(int, Class)}: the server has already matched the
 * TSH's {@code responses} to the commands by id (a missing one is 323) and decoded them with the FeliCa codec (bytes
 * that do not answer the command are 112). What the handler learns between rounds goes in {@link #put}.
 *
 * <p>The server calls a handler for one session at a time (it holds a lock of the session, which a handler cannot
 * reach), so a handler needs no locking of its own for the session's state. The instance lives in one JVM: see
 * {@link SessionStore} for what that means for a TES on several nodes.
 */
public final class GatewaySession {
    private final GatewayApi api;
    private final String deviceId;
    private final String cardId;
    private final Instant startedAt;
    private final Instant expiresAt;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final Map<String, FelicaCommand<?>> issued = new LinkedHashMap<>();
    private Map<String, FelicaCommand<?>> pending = Map.of();
    private final Set<String> answeredIds = new HashSet<>();
    private List<FelicaResponse> answers = List.of();
    private int round;
    private int nextCommandId = 1;

    /**
     * A new session, before its first round (the server makes them; a {@link SessionStore} only keeps them).
     *
     * @param api the operation
     * @param deviceId the device it runs on
     * @param cardId the card, or {@code null} (reader mode has none)
     * @param startedAt when the first call came
     * @param expiresAt when its time to live runs out
     */
    GatewaySession(GatewayApi api, String deviceId, String cardId, Instant startedAt, Instant expiresAt) {
        this.api = Objects.requireNonNull(api, "api");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.cardId = cardId;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * The operation.
     *
     * @return the API operation
     */
    public GatewayApi api() {
        return api;
    }

    /**
     * The device the operation runs on (the session's key).
     *
     * @return the device identifier
     */
    public String deviceId() {
        return deviceId;
    }

    /**
     * The card of a card or park operation.
     *
     * @return the card identifier, or {@code null} in reader mode
     */
    public String cardId() {
        return cardId;
    }

    /**
     * When the first call came.
     *
     * @return the start time
     */
    public Instant startedAt() {
        return startedAt;
    }

    /**
     * When the time to live runs out: a round after it is answered 322.
     *
     * @return the expiry time
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * The round being handled: 1 for the first call, 2 for the call carrying the answers to the first commands...
     *
     * @return the round number
     */
    public int round() {
        return round;
    }

    /** The lock the server holds while a round of this session is handled; out of a handler's reach. */
    ReentrantLock lock() {
        return lock;
    }

    /**
     * Assigns ids to FeliCa commands ({@code "1"}, {@code "2"}... over the whole session) and remembers them, so
     * that the TSH's answers can be matched and decoded next round.
     *
     * @param commands the commands, in the order the card runs them
     * @return the answer's {@code commands}
     */
    public List<Command> commands(FelicaCommand<?>... commands) {
        List<Command> out = new ArrayList<>(commands.length);
        for (FelicaCommand<?> c : commands) {
            String id = Integer.toString(nextCommandId++);
            issued.put(id, c);
            out.add(Command.of(id, c.encode()));
        }
        return out;
    }

    /**
     * The card's answers to the previous round's commands, in the order they were sent, decoded; empty in round 1.
     *
     * @return the decoded responses
     */
    public List<FelicaResponse> answers() {
        return answers;
    }

    /**
     * One of the card's answers, of the expected type, its status flags checked (see {@link CardErrors}).
     *
     * @param index the command's position in the previous round's commands
     * @param type the response type expected
     * @param <T> the response type
     * @return the response
     * @throws GatewayFailure when the card refused the command (911, 172, 173, 177), or 911 when the answer is of
     *         another type or there is none at that position
     */
    public <T extends FelicaResponse> T answer(int index, Class<T> type) {
        return answer(index, type, null);
    }

    /**
     * As {@link #answer(int, Class)}, saying in a refusal's message what the command did.
     *
     * @param index the command's position in the previous round's commands
     * @param type the response type expected
     * @param what what the command did, e.g. {@code "read the purse"}; {@code null} to name the command
     * @param <T> the response type
     * @return the response
     * @throws GatewayFailure when the card refused the command (911, 172, 173, 177), or 911 when the answer is of
     *         another type or there is none at that position
     */
    public <T extends FelicaResponse> T answer(int index, Class<T> type, String what) {
        if (index < 0 || index >= answers.size() || !type.isInstance(answers.get(index))) {
            throw new GatewayFailure(GatewayStatus.OPERATION_FAILED,
                    "The card's answer " + (index + 1) + " is not the " + type.getSimpleName() + " expected");
        }
        T response = type.cast(answers.get(index));
        if (response instanceof StatusFlagResponse flagged) {
            CardErrors.checked(flagged, what != null ? what : "run command " + (index + 1) + " (" + response.name()
                    + ")");
        }
        return response;
    }

    /**
     * Stores a value for later rounds.
     *
     * @param name the name
     * @param value the value; {@code null} removes it
     */
    public void put(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    /**
     * A value stored by an earlier round.
     *
     * @param name the name
     * @param type its type
     * @param <T> its type
     * @return the value, or {@code null} when none is stored
     * @throws ClassCastException when the value is of another type
     */
    public <T> T get(String name, Class<T> type) {
        return type.cast(attributes.get(name));
    }

    // ------------------------------------------------------------ for the server

    /** Starts the next round with the card's decoded answers to the pending commands. */
    void beginRound(List<FelicaResponse> decoded) {
        round++;
        answers = Collections.unmodifiableList(new ArrayList<>(decoded));
    }

    /** The commands the TSH must answer next round, by id, in order. */
    Map<String, FelicaCommand<?>> pending() {
        return pending;
    }

    /** Records the commands of the answer sent: those made by {@link #commands} known, others decoded. */
    void awaiting(List<Command> sent) {
        Map<String, FelicaCommand<?>> next = new LinkedHashMap<>();
        for (Command c : sent) {
            FelicaCommand<?> known = issued.get(c.commandId());
            next.put(c.commandId(), known != null ? known
                    : FelicaDecoder.decodeCommand(c.frame()));
        }
        issued.clear();
        answeredIds.addAll(pending.keySet());
        pending = next;
    }

    /**
     * Whether a round's responses repeat an earlier round (a TSH's retry arriving late): commands are pending and
     * every response answers a command of an earlier round instead.
     */
    boolean repeatsEarlierRound(List<CommandResponse> responses) {
        return !pending.isEmpty() && !responses.isEmpty() && responses.stream()
                .allMatch(r -> answeredIds.contains(r.commandId()) && !pending.containsKey(r.commandId()));
    }

    @Override
    public String toString() {
        return "GatewaySession[" + api + ", device=" + deviceId + ", round=" + round + ", started=" + startedAt
                + "]";
    }
}
