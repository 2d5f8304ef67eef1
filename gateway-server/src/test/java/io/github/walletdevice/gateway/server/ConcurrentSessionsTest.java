package io.github.walletdevice.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.PollingResponse;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayJson;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.StatusCode;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** 1,000 operations open at once on the in-memory store, driven from 32 threads: each completes once, none mixed. */
class ConcurrentSessionsTest {
    private static final int SESSIONS = 1000;

    private final Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final GatewayServer server = GatewayServer.builder().sessionStore(store)
            .cardCommands((request, session) -> {
                assertThat(session.cardId()).isEqualTo(request.cardId());
                switch (session.round()) {
                    case 1:
                        return CardCommandsResponse.withCommands(session.commands(
                                PollingCommand.of(CardImages.TRANSIT_SYSTEM)));
                    case 2:
                        session.put("card", request.cardId());
                        return CardCommandsResponse.withCommands(session.commands(ReadWithoutEncryptionCommand.of(
                                session.answer(0, PollingResponse.class).idm(), CardImages.PURSE, 0)));
                    default:
                        assertThat(session.get("card", String.class)).isEqualTo(request.cardId());
                        completions.computeIfAbsent(request.deviceId(), d -> new AtomicInteger()).incrementAndGet();
                        return CardCommandsResponse.completed(PurseBlock.parse(
                                session.answer(0, ReadWithoutEncryptionResponse.class).block(0)).balance());
                }
            })
            .build();

    private GatewayResponse call(CardCommandsRequest request) {
        return server.answer(GatewayApi.CARD_COMMANDS, "application/json", "TSH", GatewayJson.write(request));
    }

    private static <T> List<T> inParallel(ExecutorService pool, IntFunction<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            int n = i;
            futures.add(pool.submit(() -> task.apply(n)));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void aThousandSessionsAtOnceEachCompleteOnceWithTheirOwnCard() throws Exception {
        List<CardCommandsRequest> firsts = new ArrayList<>();
        List<VirtualCardExecutor> cards = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            firsts.add(CardCommandsRequest.builder().issuerId("ISS").cardId("CARD-" + i).deviceId("DEV-" + i)
                    .build());
            cards.add(VirtualCardExecutor.of(CardImages.transitSample(i, "WD" + String.format("%014d", i))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<GatewayResponse> answers = inParallel(pool, i -> call(firsts.get(i)));
            assertThat(store.size()).as("every operation open at once").isEqualTo(SESSIONS);
            for (int round = 2; round <= 3; round++) {
                List<GatewayResponse> previous = answers;
                answers = inParallel(pool, i -> call(firsts.get(i).nextRound(
                        cards.get(i).execute(previous.get(i).commands()), 1.0, StatusCode.OK, null)));
            }
            for (int i = 0; i < SESSIONS; i++) {
                assertThat(answers.get(i).isFinal()).isTrue();
                assertThat(answers.get(i).balance()).as("device %d got its own card's balance", i).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(completions).hasSize(SESSIONS);
        assertThat(completions.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        assertThat(store.size()).isZero();
    }
}
