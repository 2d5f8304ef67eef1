package io.github.walletdevice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
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
    void limitMustBePositive() {
        assertThatThrownBy(() -> new ConcurrencyLimiter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ConcurrencyLimiter(3).max()).isEqualTo(3);
    }
}
