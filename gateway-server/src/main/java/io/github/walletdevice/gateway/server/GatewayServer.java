package io.github.walletdevice.gateway.server;

import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayJson;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TES side of the Device Gateway API, framework-neutral: a call's method, path, headers and body in
 * ({@link #handle(ServerRequest)}), the status, headers and body to send out. It reads requests strictly
 * ({@link StrictRequestReader}: 111/112), keeps one operation per device in a {@link SessionStore} (118, 321, 322,
 * 323), matches and decodes the card's answers, and calls the integrator's handler of each operation, whose
 * failures become 921 without their details. Status answers go out as HTTP 200 with the JSON answer; an unknown path
 * is 404, a method other than {@code POST} 405, a body over {@link #MAX_BODY_BYTES} 413.
 *
 * <p>Run it with {@link GatewayHttpServer} (the JDK's HTTP server) or {@link GatewayServlet} (any Servlet 6
 * container), or call {@link #handle} from any other framework. Immutable and thread-safe.
 *
 * <pre>{@code
 * GatewayServer tes = GatewayServer.builder()
 *         .parkCardCommands((request, session) -> ...)
 *         .build();
 * try (GatewayHttpServer http = GatewayHttpServer.start(tes, 8080)) { ... }
 * }</pre>
 */
public final class GatewayServer {
    /** The spec's base path of the three operations. */
    public static final String DEFAULT_BASE_PATH = "/tes/devicegtwapi/1/0";
    /** Default time to live of an operation: 2 minutes. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(2);
    /** Largest request body read (1 MiB): a round's request is a few kilobytes. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final String basePath;
    private final Map<GatewayApi, SessionRounds.Dispatch> handlers;
    private final SessionStore store;
    private final StrictRequestReader reader = new StrictRequestReader();
    private final SessionRounds rounds;

    private GatewayServer(Builder b) {
        this.basePath = b.basePath;
        this.handlers = new EnumMap<>(b.handlers);
        this.store = b.store;
        this.rounds = new SessionRounds(b.store, b.clock, b.ttl,
                (request, session) -> handlers.get(request.api()).handle(request, session));
    }

    /**
     * A builder: no handler, the default base path, an in-memory store, the system clock, a TTL of 2 minutes.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handles one HTTP call.
     *
     * @param request the call
     * @return what to answer
     */
    public ServerResponse handle(ServerRequest request) {
        GatewayApi api = route(request.path());
        if (api == null) {
            return ServerResponse.text(404, "Not Found", Map.of());
        }
        if (!"POST".equals(request.method())) {
            return ServerResponse.text(405, "Method Not Allowed", Map.of("Allow", "POST"));
        }
        if (request.body().length > MAX_BODY_BYTES) {
            return ServerResponse.text(413, "Content Too Large", Map.of());
        }
        try {
            return ServerResponse.json(GatewayJson.write(answer(api, request.header("Content-Type"),
                    request.header(StrictRequestReader.ACTOR_HEADER), request.body())));
        } catch (RuntimeException e) {
            // A bug here, not in a handler (those are answered 921): the spec's answer is HTTP 500.
            LOG.warn("Could not answer a {} call", api.operationName(), e);
            return ServerResponse.text(500, "Internal Server Error", Map.of());
        }
    }

    /**
     * Handles one call without HTTP: reads it strictly and runs its round.
     *
     * @param api the operation called
     * @param contentType the {@code Content-Type} header, or {@code null}
     * @param actorId the {@code x-actor-id} header, or {@code null}
     * @param body the request body
     * @return the answer
     */
    public GatewayResponse answer(GatewayApi api, String contentType, String actorId, byte[] body) {
        ReadResult read = reader.read(api, contentType, actorId, body);
        if (read instanceof ReadResult.Refused refused) {
            return refused.answer();
        }
        return rounds.handle(((ReadResult.Accepted) read).request());
    }

    /**
     * The operation a path calls, when it has a handler.
     *
     * @param path the path within the application
     * @return the operation, or {@code null}
     */
    GatewayApi route(String path) {
        if (!path.startsWith(basePath) || path.length() <= basePath.length() + 1
                || path.charAt(basePath.length()) != '/') {
            return null;
        }
        String name = path.substring(basePath.length() + 1);
        for (GatewayApi api : handlers.keySet()) {
            if (api.operationName().equals(name)) {
                return api;
            }
        }
        return null;
    }

    /**
     * The base path the operations are served under.
     *
     * @return e.g. {@code /tes/devicegtwapi/1/0}
     */
    public String basePath() {
        return basePath;
    }

    /**
     * The store holding the operations in progress.
     *
     * @return the session store
     */
    public SessionStore sessions() {
        return store;
    }

    @Override
    public String toString() {
        return "GatewayServer[" + basePath + ", " + handlers.keySet() + "]";
    }

    /** Builds a {@link GatewayServer}; the operations served are those given a handler. */
    public static final class Builder {
        private String basePath = DEFAULT_BASE_PATH;
        /** Each handler behind the one signature the rounds call; the reader gives each operation its request type. */
        private final Map<GatewayApi, SessionRounds.Dispatch> handlers = new EnumMap<>(GatewayApi.class);
        private SessionStore store = new InMemorySessionStore();
        private Clock clock = Clock.systemUTC();
        private Duration ttl = DEFAULT_TTL;

        private Builder() {
        }

        /**
         * Serves {@code getCardCommands} with a handler.
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder cardCommands(CardCommandsHandler handler) {
            Fields.required("handler", handler);
            handlers.put(GatewayApi.CARD_COMMANDS, (request, session) ->
                    handler.handle((CardCommandsRequest) request, session));
            return this;
        }

        /**
         * Serves {@code getParkCardCommands} with a handler.
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder parkCardCommands(ParkCardCommandsHandler handler) {
            Fields.required("handler", handler);
            // The answer's factories answer getCardCommands: labelled here with the operation it answers.
            handlers.put(GatewayApi.PARK_CARD_COMMANDS, (request, session) -> withApi(GatewayApi.PARK_CARD_COMMANDS,
                    handler.handle((ParkCardCommandsRequest) request, session)));
            return this;
        }

        /**
         * Serves {@code getReaderModeCommands} with a handler.
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder readerModeCommands(ReaderModeCommandsHandler handler) {
            Fields.required("handler", handler);
            handlers.put(GatewayApi.READER_MODE_COMMANDS, (request, session) ->
                    handler.handle((ReaderModeCommandsRequest) request, session));
            return this;
        }

        /** A park answer; {@code null} (a handler's bug) is left for the rounds to answer 921. */
        private static CardCommandsResponse withApi(GatewayApi api, CardCommandsResponse answer) {
            return answer == null ? null : answer.withApi(api);
        }

        /**
         * Sets the base path (default {@code /tes/devicegtwapi/1/0}, the spec's).
         *
         * @param basePath a path starting with {@code /}, without a trailing {@code /}; {@code ""} for none
         * @return this builder
         */
        public Builder basePath(String basePath) {
            Fields.required("basePath", basePath);
            if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/"))
                    || !basePath.matches("[^\\s\\x00-\\x1f\\x7f?#]*")) {
                throw new ValidationException("basePath", "empty, or a path starting with / and not ending with /, "
                        + "without spaces, control characters, query or fragment",
                        basePath.replaceAll("[\\x00-\\x1f\\x7f]", "?"));
            }
            this.basePath = basePath;
            return this;
        }

        /**
         * Sets where operations in progress are kept (default: {@link InMemorySessionStore}).
         *
         * @param store the store
         * @return this builder
         */
        public Builder sessionStore(SessionStore store) {
            this.store = Fields.required("sessionStore", store);
            return this;
        }

        /**
         * Sets the clock sessions are timed with (default: the system's, UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Fields.required("clock", clock);
            return this;
        }

        /**
         * Sets the time to live of an operation, from its first call (default 2 minutes).
         *
         * @param ttl a positive duration
         * @return this builder
         */
        public Builder ttl(Duration ttl) {
            if (Fields.required("ttl", ttl).isNegative() || ttl.isZero()) {
                throw new ValidationException("ttl", "a positive duration", String.valueOf(ttl));
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * Builds the server.
         *
         * @return the server
         * @throws ValidationException when no operation has a handler
         */
        public GatewayServer build() {
            if (handlers.isEmpty()) {
                throw new ValidationException("handler", "at least one operation with a handler "
                        + "(cardCommands, parkCardCommands or readerModeCommands)", null);
            }
            return new GatewayServer(this);
        }
    }
}
