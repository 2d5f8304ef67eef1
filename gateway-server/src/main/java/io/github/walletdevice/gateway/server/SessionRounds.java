package io.github.walletdevice.gateway.server;

import io.github.walletdevice.felica.FelicaCommand;
import io.github.walletdevice.felica.FelicaDecoder;
import io.github.walletdevice.felica.FelicaFormatException;
import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.CommandResponse;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session rules around the handlers: a call without {@code responses} (and without a failure status) starts an
 * operation, 321 when the device has one in progress; a call with them continues it, 118 when there is none (or it
 * is another operation or card), 322 after its time to live, 323 when a command's response is missing; a failure
 * status from the TSH ends it with that status. Rounds of one session are handled one at a time: a round that comes
 * while another of its session is being handled is answered 321 at once, without waiting and without ending the
 * operation (a TSH sends one round at a time), so a hung handler holds one request thread, not every later one.
 */
final class SessionRounds {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    /** Calls the handler of the request's operation. */
    interface Dispatch {
        GatewayResponse handle(GatewayRequest<?> request, GatewaySession session) throws Exception;
    }

    private final SessionStore store;
    private final Clock clock;
    private final Duration ttl;
    private final Dispatch dispatch;

    SessionRounds(SessionStore store, Clock clock, Duration ttl, Dispatch dispatch) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
        this.dispatch = dispatch;
    }

    GatewayResponse handle(GatewayRequest<?> request) {
        GatewayApi api = request.api();
        Instant now = clock.instant();
        boolean failureReport = request.statusCode() != null && !request.statusCode().isOk();
        if (request.responses().isEmpty() && !failureReport) {
            return start(request, now);
        }
        GatewaySession session = store.find(request.deviceId()).orElse(null);
        if (session == null || session.api() != api || !Objects.equals(session.cardId(), cardId(request))) {
            return Answers.failure(api, GatewayStatus.UNKNOWN_SESSION, "Unknown session: no " + api.operationName()
                    + " operation in progress for device " + request.deviceId()
                    + (cardId(request) == null ? "" : " and card " + cardId(request)));
        }
        if (!session.lock().tryLock()) {
            return Answers.failure(api, GatewayStatus.OPERATION_ALREADY_ONGOING, "Operation already on-going for"
                    + " this device: a round of its " + api.operationName() + " operation is being handled");
        }
        try {
            if (store.find(request.deviceId()).orElse(null) != session) {
                return Answers.failure(api, GatewayStatus.UNKNOWN_SESSION, "Unknown session: the operation on device "
                        + request.deviceId() + " has ended");
            }
            if (now.isAfter(session.expiresAt())) {
                store.close(session);
                return Answers.failure(api, GatewayStatus.OPERATION_EXPIRED, "The " + api.operationName()
                        + " operation started at " + session.startedAt() + " outlived its time to live of " + ttl);
            }
            if (failureReport) {
                store.close(session);
                return api.failure(request.statusCode(), "Operation ended: the TSH reported "
                        + request.statusCode() + (request.statusMessage() == null ? "" : ": "
                        + request.statusMessage()));
            }
            if (session.repeatsEarlierRound(request.responses())) {
                // A duplicated or retried earlier round, arriving after the real one: refused, but the operation
                // goes on with the round the TSH really sent.
                return Answers.failure(api, GatewayStatus.OPERATION_INCOMPLETE, "Operation incomplete: the responses"
                        + " answer commands of an earlier round, not those pending after round " + session.round()
                        + "; the operation goes on");
            }
            session.beginRound(decode(session, request.responses()));
            return round(session, request);
        } catch (GatewayFailure f) {
            store.close(session);
            return api.failure(f.status(), f.getMessage());
        } finally {
            session.lock().unlock();
        }
    }

    private GatewayResponse start(GatewayRequest<?> request, Instant now) {
        GatewayApi api = request.api();
        GatewaySession fresh = new GatewaySession(api, request.deviceId(), cardId(request), now, now.plus(ttl));
        // Locked before it is published: no later round can run before this first one has been answered.
        fresh.lock().lock();
        try {
            Optional<GatewaySession> busy = store.openIfAbsent(fresh);
            if (busy.isPresent() && now.isAfter(busy.get().expiresAt())) {
                // An abandoned operation whose time has run out does not block the device.
                store.close(busy.get());
                busy = store.openIfAbsent(fresh);
            }
            if (busy.isPresent()) {
                return Answers.failure(api, GatewayStatus.OPERATION_ALREADY_ONGOING, "Operation already on-going: a "
                        + busy.get().api().operationName() + " operation is in progress for device "
                        + request.deviceId() + " since " + busy.get().startedAt());
            }
            fresh.beginRound(List.of());
            return round(fresh, request);
        } finally {
            fresh.lock().unlock();
        }
    }

    /** The card's answers to the pending commands, in their order; 323 for a missing one, 112 for a bad one. */
    private static List<FelicaResponse> decode(GatewaySession session, List<CommandResponse> responses) {
        Map<String, CommandResponse> byId = new HashMap<>();
        for (CommandResponse r : responses) {
            byId.putIfAbsent(r.commandId(), r);
        }
        List<FelicaResponse> out = new ArrayList<>(session.pending().size());
        for (Map.Entry<String, FelicaCommand<?>> e : session.pending().entrySet()) {
            CommandResponse r = byId.get(e.getKey());
            if (r == null) {
                throw new GatewayFailure(GatewayStatus.OPERATION_INCOMPLETE, "Operation incomplete: no response to"
                        + " command " + e.getKey() + " (" + e.getValue().name() + ")");
            }
            try {
                out.add(FelicaDecoder.decodeResponse(r.frame(), e.getValue()));
            } catch (FelicaFormatException ex) {
                throw new GatewayFailure(GatewayStatus.BAD_PARAMETER_FORMAT, "Bad parameter format: the response to"
                        + " command " + e.getKey() + " is not a FeliCa answer to " + e.getValue().name() + ": "
                        + ex.reason());
            }
        }
        return out;
    }

    private GatewayResponse round(GatewaySession session, GatewayRequest<?> request) {
        GatewayApi api = request.api();
        try {
            GatewayResponse answer = dispatch.handle(request, session);
            if (answer == null) {
                throw new IllegalStateException("the handler answered null");
            }
            if (answer.isFinal()) {
                store.close(session);
                return answer;
            }
            session.awaiting(answer.commands());
            if (!store.update(session)) {
                // The time to live ran out during this round and another operation took the device.
                return Answers.failure(api, GatewayStatus.OPERATION_EXPIRED, "The " + api.operationName()
                        + " operation started at " + session.startedAt() + " outlived its time to live of " + ttl
                        + " while this round was handled");
            }
            return answer;
        } catch (GatewayFailure f) {
            store.close(session);
            return api.failure(f.status(), f.getMessage());
        } catch (Throwable e) {
            // Any throwable, Errors included (an AssertionError in a handler): the device must not stay busy.
            store.close(session);
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            LOG.warn("The {} handler failed on round {} for device {}; answered 921", api.operationName(),
                    session.round(), session.deviceId(), e);
            return Answers.failure(api, GatewayStatus.UNEXPECTED_SERVER_ERROR, "Unexpected server error");
        }
    }

    private static String cardId(GatewayRequest<?> request) {
        if (request instanceof CardCommandsRequest r) {
            return r.cardId();
        }
        return request instanceof ParkCardCommandsRequest r ? r.cardId() : null;
    }
}
