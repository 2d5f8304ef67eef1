package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The JAXB context's head start: made once, on a daemon thread, waited for, and made again by a caller if it failed. */
class BackgroundValueTest {

    /** Records each creation's thread; fails the creations whose number (from 1) is listed. */
    private static final class Creator implements Supplier<Object> {
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final AtomicInteger count = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> failing;
        final boolean hold;

        Creator(boolean hold, Integer... failing) {
            this.hold = hold;
            this.failing = List.of(failing);
        }

        @Override
        public Object get() {
            int n = count.incrementAndGet();
            threads.add(Thread.currentThread());
            if (hold && n == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (failing.contains(n)) {
                throw new IllegalStateException("creation " + n + " failed");
            }
            return "value " + n;
        }
    }

    @Test
    void theValueIsMadeOnceOnADaemonThreadOfItsOwnAndTheCallerWaitsForIt() throws Exception {
        Creator creator = new Creator(true);
        BackgroundValue<Object> v = new BackgroundValue<>("test-bg", creator);
        assertThat(v.startedOrMade()).isFalse();
        v.startInBackground();
        v.startInBackground();
        assertThat(v.startedOrMade()).isTrue();
        Object[] got = new Object[2];
        Thread caller = new Thread(() -> got[0] = v.get());
        caller.start();
        creator.release.countDown();
        caller.join();
        got[1] = v.get();
        v.startInBackground();

        assertThat(got).containsExactly("value 1", "value 1");
        assertThat(creator.count).hasValue(1);
        Thread t = creator.threads.get(0);
        assertThat(t.getName()).isEqualTo("test-bg");
        assertThat(t.isDaemon()).isTrue();
        assertThat(t).isNotInstanceOf(ForkJoinWorkerThread.class).isNotSameAs(Thread.currentThread())
                .isNotSameAs(caller);
        t.join();
        assertThat(v.startedOrMade()).isTrue();
    }

    @Test
    void withoutAHeadStartTheFirstCallerMakesIt() {
        Creator creator = new Creator(false);
        BackgroundValue<Object> v = new BackgroundValue<>("test-bg", creator);
        assertThat(v.get()).isEqualTo("value 1");
        assertThat(v.get()).isEqualTo("value 1");
        v.startInBackground();
        assertThat(creator.threads).containsExactly(Thread.currentThread());
    }

    @Test
    void aFailedBackgroundCreationIsMadeAgainByTheCaller() {
        Creator creator = new Creator(false, 1);
        BackgroundValue<Object> v = new BackgroundValue<>("test-bg", creator);
        v.startInBackground();
        assertThat(v.get()).isEqualTo("value 2");
        assertThat(v.get()).isEqualTo("value 2");
        assertThat(creator.threads).hasSize(2);
        assertThat(creator.threads.get(0).getName()).isEqualTo("test-bg");
        assertThat(creator.threads.get(1)).isSameAs(Thread.currentThread());
    }

    @Test
    void whenTheCallerFailsTooItsErrorIsThrownAndTheNextCallTriesAgain() {
        Creator creator = new Creator(false, 1, 2);
        BackgroundValue<Object> v = new BackgroundValue<>("test-bg", creator);
        v.startInBackground();
        assertThatIllegalStateException().isThrownBy(v::get).withMessage("creation 2 failed");
        assertThat(v.get()).isEqualTo("value 3");
        assertThat(creator.threads.get(1)).isSameAs(Thread.currentThread());
        assertThat(creator.threads.get(2)).isSameAs(Thread.currentThread());
    }

    @Test
    void anInterruptedCallerStillGetsTheValueAndKeepsItsInterrupt() throws Exception {
        Creator creator = new Creator(true);
        BackgroundValue<Object> v = new BackgroundValue<>("test-bg", creator);
        v.startInBackground();
        Object[] got = new Object[1];
        boolean[] interrupted = new boolean[1];
        CountDownLatch asking = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            asking.countDown();
            got[0] = v.get();
            interrupted[0] = Thread.currentThread().isInterrupted();
        });
        caller.start();
        asking.await();
        caller.interrupt();
        creator.release.countDown();
        caller.join();
        assertThat(got[0]).isEqualTo("value 1");
        assertThat(interrupted[0]).isTrue();
        assertThat(creator.count).hasValue(1);
    }
}
