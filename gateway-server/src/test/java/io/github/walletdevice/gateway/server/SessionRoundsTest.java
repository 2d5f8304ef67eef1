package io.github.walletdevice.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayJson;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.StatusCode;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session rules under concurrency and failure: a busy session answers 321 at once, abandoned sessions are swept,
 * a round that outlives its session cannot revive it, an Error in a handler ends the operation, a repeated round
 * leaves the operation running.
 */
class SessionRoundsTest {
    /** An upper bound so that a regression fails instead of hanging; never reached when the code is right. */
    private static final long BOUND_SECONDS = 30;

    private final MutableClock clock = new MutableClock();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean blockNext = new AtomicBoolean();
    private final AtomicInteger firstRounds = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final GatewayServer server = GatewayServer.builder().sessionStore(store).clock(clock)
            .ttl(Duration.ofMinutes(2))
            .cardCommands((request, session) -> {
                if (request.deviceId().startsWith("ASSERT")) {
                    throw new AssertionError("a handler's own check failed");
                }
                if (blockNext.compareAndSet(true, false)) {
                    entered.countDown();
                    release.await();
                }
                if (session.round() == 1) {
                    firstRounds.incrementAndGet();
                }
                return session.round() < 3
                        ? CardCommandsResponse.withCommands(session.commands(PollingCommand.of(CardImages.TRANSIT_SYSTEM)))
                        : CardCommandsResponse.completed(7L);
            })
            .build();

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    private static CardCommandsRequest first(String device) {
        return CardCommandsRequest.builder().issuerId("ISS").cardId("CARD").deviceId(device).build();
    }

    private GatewayResponse call(CardCommandsRequest request) {
        return server.answer(GatewayApi.CARD_COMMANDS, "application/json", "TSH", GatewayJson.write(request));
    }

    private CompletableFuture<GatewayResponse> callAsync(CardCommandsRequest request) {
        return CompletableFuture.supplyAsync(() -> call(request), pool);
    }

    private static CardCommandsRequest next(CardCommandsRequest first, GatewayResponse previous) {
        return first.nextRound(VirtualCardExecutor.sampleTransitCard().execute(previous.commands()), 1.0,
                StatusCode.OK, null);
    }

    @Test
    void aRoundWhileAnotherOfItsSessionIsHandledIs321AtOnceAndTheOperationGoesOn() throws Exception {
        CardCommandsRequest first = first("DEV");
        GatewayResponse one = call(first);
        CardCommandsRequest two = next(first, one);
        blockNext.set(true);
        CompletableFuture<GatewayResponse> hung = callAsync(two);
        assertThat(entered.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();

        GatewayResponse concurrent = callAsync(two).get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(concurrent.statusCode().code()).isEqualTo(321);
        assertThat(concurrent.statusMessage()).contains("Operation already on-going for this device");
        assertThat(callAsync(first("DEV")).get(BOUND_SECONDS, TimeUnit.SECONDS).statusCode().code())
                .isEqualTo(321);

        release.countDown();
        GatewayResponse answered = hung.get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(answered.statusCode().isOk()).isTrue();
        assertThat(call(next(first, answered)).balance()).as("the 321s did not end the operation").isEqualTo(7L);
    }

    @Test
    void twoFirstCallsRacingForOneDeviceLetExactlyOneProceed() throws Exception {
        blockNext.set(true);
        CompletableFuture<GatewayResponse> a = callAsync(first("RACE"));
        CompletableFuture<GatewayResponse> b = callAsync(first("RACE"));
        // The loser is answered while the winner's handler is still blocked.
        Object loser = CompletableFuture.anyOf(a, b).get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(((GatewayResponse) loser).statusCode().code()).isEqualTo(321);
        release.countDown();
        GatewayResponse winner = (loser == a.getNow(null) ? b : a).get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(winner.statusCode().isOk()).isTrue();
        assertThat(winner.commands()).hasSize(1);
        assertThat(firstRounds).hasValue(1);
    }

    @Test
    void abandonedSessionsAreSweptWhenAnotherDeviceStarts() {
        for (int i = 0; i < 100; i++) {
            call(first("GONE-" + i));
        }
        assertThat(store.size()).isEqualTo(100);
        clock.advance(Duration.ofMinutes(3));
        call(first("NEW"));
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.find("NEW")).isPresent();
    }

    @Test
    void aRoundThatOutlivesItsSessionIs322AndLeavesTheNewerSessionAlone() throws Exception {
        blockNext.set(true);
        CompletableFuture<GatewayResponse> late = callAsync(first("SLOW"));
        assertThat(entered.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofMinutes(3));
        assertThat(call(first("SLOW")).statusCode().isOk()).as("the expired operation does not block").isTrue();
        GatewaySession newer = store.find("SLOW").orElseThrow();

        release.countDown();
        GatewayResponse answer = late.get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(answer.statusCode().code()).isEqualTo(322);
        assertThat(answer.commands()).isEmpty();
        assertThat(store.find("SLOW")).containsSame(newer);
    }

    @Test
    void anErrorInAHandlerIs921AndEndsTheOperation() {
        GatewayResponse answer = call(first("ASSERT-1"));
        assertThat(answer.statusCode().code()).isEqualTo(921);
        assertThat(answer.statusMessage()).isEqualTo("Unexpected server error");
        assertThat(store.find("ASSERT-1")).isEmpty();
    }

    @Test
    void aRepeatedEarlierRoundIs323WithoutEndingTheOperation() {
        CardCommandsRequest first = first("RETRY");
        GatewayResponse one = call(first);
        CardCommandsRequest two = next(first, one);
        GatewayResponse answered = call(two);
        assertThat(answered.statusCode().isOk()).isTrue();

        GatewayResponse repeated = call(two);
        assertThat(repeated.statusCode().code()).isEqualTo(323);
        assertThat(repeated.statusMessage()).contains("earlier round");
        assertThat(store.find("RETRY")).isPresent();
        assertThat(call(next(first, answered)).balance()).isEqualTo(7L);
    }
}
