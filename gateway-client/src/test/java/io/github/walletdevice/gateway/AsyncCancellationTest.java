package io.github.walletdevice.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cancelling a future of the client or of a session aborts the HTTP exchange under way: the transport's own future is
 * cancelled, not only a stage derived from it.
 */
class AsyncCancellationTest {
    private final HeldTransport transport = new HeldTransport();
    private final DeviceGatewayClient client = DeviceGatewayClient.builder().baseUrl("http://tes.invalid")
            .actorId("TSH-TEST-01").transport(transport).build();

    @AfterEach
    void close() {
        client.close();
    }

    /** Each way of calling an operation asynchronously. */
    enum AsyncCall {
        SEND(c -> c.sendAsync(Fixtures.topUp())),
        CARD(c -> c.getCardCommandsAsync(Fixtures.topUp())),
        PARK(c -> c.getParkCardCommandsAsync(Fixtures.park())),
        READER_MODE(c -> c.getReaderModeCommandsAsync(Fixtures.readerMode()));

        final Function<DeviceGatewayClient, CompletableFuture<? extends GatewayResponse>> start;

        AsyncCall(Function<DeviceGatewayClient, CompletableFuture<? extends GatewayResponse>> start) {
            this.start = start;
        }
    }

    @ParameterizedTest
    @EnumSource(AsyncCall.class)
    void cancellingTheClientsFutureCancelsTheExchange(AsyncCall call) throws InterruptedException {
        CompletableFuture<? extends GatewayResponse> future = call.start.apply(client);
        HeldTransport.Exchange exchange = transport.next();

        assertThat(future.cancel(true)).isTrue();

        assertThat(exchange.future()).as("the transport's exchange").isCancelled();
        assertThat(future).isCancelled();
    }

    @ParameterizedTest
    @EnumSource(AsyncCall.class)
    void anAnsweredExchangeCompletesTheClientsFutureWithTheTypedAnswer(AsyncCall call) throws InterruptedException {
        CompletableFuture<? extends GatewayResponse> future = call.start.apply(client);
        HeldTransport.Exchange exchange = transport.next();
        HeldTransport.answer(exchange, "{\"statusCode\":0,\"balance\":1500}");
        GatewayResponse answer = future.join();
        assertThat(answer.balance()).isEqualTo(1500L);
        assertThat(answer.api().operationName()).isEqualTo(exchange.request().uri().getPath()
                .substring(exchange.request().uri().getPath().lastIndexOf('/') + 1));
    }

    @Test
    void givingUpOnTheFutureOtherwiseAlsoAbortsTheExchange() throws InterruptedException {
        CompletableFuture<CardCommandsResponse> future = client.getCardCommandsAsync(Fixtures.topUp());
        HeldTransport.Exchange exchange = transport.next();
        // What orTimeout does when the caller stops waiting.
        future.completeExceptionally(new TimeoutException("caller gave up"));
        assertThat(exchange.future()).isCancelled();
    }

    @Test
    void aFailedExchangeFailsTheFutureWithTheSameException() throws InterruptedException {
        CompletableFuture<CardCommandsResponse> future = client.sendAsync(Fixtures.park());
        HeldTransport.Exchange exchange = transport.next();
        exchange.future().complete(new HttpResponse(500,
                HttpHeaders.empty(), new byte[0]));
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(HttpStatusException.class);
    }

    @Test
    void cancellingASessionDuringItsFirstExchangeCancelsTheExchange() throws InterruptedException {
        CommandSession session = client.session(VirtualCardExecutor.sampleTransitCard()).deviceThreads(Runnable::run)
                .build();
        CompletableFuture<SessionResult> result = session.runAsync(Fixtures.topUp());
        HeldTransport.Exchange first = transport.next();

        assertThat(result.cancel(true)).isTrue();

        assertThat(first.future()).as("the transport's exchange").isCancelled();
        assertThatThrownBy(result::join).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancellingASessionDuringALaterExchangeCancelsThatExchangeAndSendsNothingMore() throws InterruptedException {
        VirtualCardExecutor card = VirtualCardExecutor.sampleTransitCard();
        CommandSession session = client.session(card).deviceThreads(Runnable::run).build();
        CompletableFuture<SessionResult> result = session.runAsync(Fixtures.topUp());
        HeldTransport.answer(transport.next(), Fixtures.commands("1", Fixtures.readPurse()));
        HeldTransport.Exchange second = transport.next();
        assertThat(new String(second.request().body(), UTF_8))
                .as("the second round carries the card's response").contains("\"responses\"");

        assertThat(result.cancel(true)).isTrue();

        assertThat(second.future()).as("the transport's exchange").isCancelled();
        assertThat(result).isCancelled();
        assertThat(transport.noneStarted()).as("no third call").isTrue();
    }

    @Test
    void cancellingASessionDuringADeviceRoundLetsTheRoundFinishAndSendsNothingMore() throws InterruptedException {
        VirtualCardExecutor card = VirtualCardExecutor.sampleTransitCard();
        AtomicReference<CompletableFuture<SessionResult>> session = new AtomicReference<>();
        AtomicInteger rounds = new AtomicInteger();
        DeviceCommandExecutor cancelledMidRound = commands -> {
            rounds.incrementAndGet();
            session.get().cancel(true);
            return card.execute(commands);
        };
        CompletableFuture<SessionResult> result = client.session(cancelledMidRound).deviceThreads(Runnable::run)
                .build().runAsync(Fixtures.topUp());
        session.set(result);
        HeldTransport.answer(transport.next(), Fixtures.commands("1", Fixtures.readPurse()));

        assertThat(rounds).hasValue(1);
        assertThat(result).isCancelled();
        assertThat(transport.noneStarted()).as("no call after the cancelled round").isTrue();
    }
}
