package io.github.walletdevice.interop;

import java.io.File;

/**
 * The threads and file descriptors of this JVM. Two JVM-wide pools are left out of the thread count, as they belong
 * to no client: OkHttp's shared {@code OkHttp TaskRunner} (every OkHttp client in the JVM uses it; an idle thread
 * ends after 60 s) and the JDK's {@code process reaper} (it waits for the server processes the tests start).
 */
record Resources(int threads, int fileDescriptors) {
    static Resources now() {
        String[] fds = new File("/proc/self/fd").list();
        int threads = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.getName().startsWith("OkHttp TaskRunner") && !t.getName().startsWith("process reaper")) {
                threads++;
            }
        }
        return new Resources(threads, fds == null ? -1 : fds.length);
    }

    boolean atMost(Resources baseline) {
        return threads <= baseline.threads && fileDescriptors <= baseline.fileDescriptors;
    }
}
