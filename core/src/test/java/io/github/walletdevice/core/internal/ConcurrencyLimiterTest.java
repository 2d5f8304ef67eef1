package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.HttpRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {

    @Test
    void permitsUpToTheLimitAreImmediateThenCallersQueueInOrder() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(2);
        CompletableFuture<ConcurrencyLimiter.Permit> a = limiter.acquire();
        CompletableFuture<ConcurrencyLimiter.Permit> b = limiter.acquire();
        CompletableFuture<ConcurrencyLimiter.Permit> c = limiter.acquire();
        CompletableFuture<ConcurrencyLimiter.Permit> d = limiter.acquire();

        assertThat(a).isDone();
        assertThat(b).isDone();
        assertThat(c).isNotDone();
        assertThat(limiter.inUse()).isEqualTo(2);

        a.join().release();
        assertThat(c).isDone();
        assertThat(d).isNotDone();
        assertThat(limiter.inUse()).isEqualTo(2);
    }

    @Test
    void releasingTwiceFreesOneSlotOnly() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
        ConcurrencyLimiter.Permit p = limiter.acquire().join();
        CompletableFuture<ConcurrencyLimiter.Permit> next = limiter.acquire();
        CompletableFuture<ConcurrencyLimiter.Permit> after = limiter.acquire();

        p.release();
        p.release();

        assertThat(next).isDone();
        assertThat(after).isNotDone();
    }

    @Test
    void aCancelledWaiterIsSkipped() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
        ConcurrencyLimiter.Permit p = limiter.acquire().join();
        CompletableFuture<ConcurrencyLimiter.Permit> gaveUp = limiter.acquire();
        CompletableFuture<ConcurrencyLimiter.Permit> waiting = limiter.acquire();

        gaveUp.cancel(false);
        p.release();

        assertThat(waiting).isDone();
        waiting.join().release();
        assertThat(limiter.inUse()).isZero();
    }

    @Test
    void manyWaitersReleasingAtOnceAllGetTheirTurnAndNoSlotIsLost() {
        // Each waiter's continuation releases at once, on the releasing thread: hand-overs nested in hand-overs.
        // Done recursively, 10,000 of them overflow the stack inside CompletableFuture and a slot is never returned.
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
        ConcurrencyLimiter.Permit first = limiter.acquire().join();
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            waiters.add(limiter.acquire().thenAccept(ConcurrencyLimiter.Permit::release));
        }

        first.release();

        assertThat(waiters).allSatisfy(w -> assertThat(w).isCompleted());
        assertThat(limiter.inUse()).isZero();
        assertThat(limiter.acquire()).isCompleted();
    }

    @Test
    void handOversKeepTheirOrderWhenNested() {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
        ConcurrencyLimiter.Permit first = limiter.acquire().join();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            limiter.acquire().thenAccept(p -> {
                order.add(n);
                p.release();
            });
        }

        first.release();

        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(limiter.inUse()).isZero();
    }

    @Test
    void aBlockingAcquireInsideAHandOverRunsTheHandOversItsThreadDeferred() {
        // A waiter's continuation (running inside a hand-over) releases its slot and then waits for one on the
        // same thread: the release it deferred must not hold that wait up until the deadline.
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(1);
        ConcurrencyLimiter.Permit first = limiter.acquire().join();
        HttpRequest request = HttpRequest.builder().uri(URI.create("http://localhost/x")).build();
        CompletableFuture<ConcurrencyLimiter.Permit> nested = new CompletableFuture<>();
        limiter.acquire().thenAccept(p -> {
            limiter.acquire().thenAccept(ConcurrencyLimiter.Permit::release);
            p.release();
            nested.complete(limiter.acquire(request, System.nanoTime() + TimeUnit.SECONDS.toNanos(20)));
        });

        first.release();

        assertThat(nested).isCompleted();
        nested.join().release();
        assertThat(limiter.inUse()).isZero();
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> new ConcurrencyLimiter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ConcurrencyLimiter(3).max()).isEqualTo(3);
    }
}
