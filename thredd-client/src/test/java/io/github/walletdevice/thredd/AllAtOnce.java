package io.github.walletdevice.thredd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the same work on several threads released together, for tests of shared state. */
final class AllAtOnce {
    private AllAtOnce() {
    }

    /** One thread's work. */
    @FunctionalInterface
    interface Work {
        /**
         * Does the work.
         *
         * @param thread the thread's number
         * @return what it found wrong
         * @throws Exception on failure
         */
        List<String> run(int thread) throws Exception;
    }

    /**
     * Starts {@code threads} threads, releases them at once, each running {@code work} with its number, and collects
     * what each reports as wrong.
     *
     * @param threads how many threads
     * @param work a thread's work, given its number (0 to threads - 1); returns what it found wrong
     * @return everything found wrong, empty when all went well
     * @throws Exception if a thread failed
     */
    static List<String> run(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    return work.run(thread);
                }));
            }
            start.countDown();
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> r : results) {
                wrong.addAll(r.get());
            }
            return wrong;
        } finally {
            pool.shutdownNow();
        }
    }
}
