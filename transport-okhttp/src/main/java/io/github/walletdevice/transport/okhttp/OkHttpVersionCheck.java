package io.github.walletdevice.transport.okhttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks, once, that the OkHttp on the class path is the one this transport is built for. OkHttp 4
 * ({@code com.squareup.okhttp3:okhttp} 4.x) and OkHttp 5 ({@code okhttp-jvm}) share the {@code okhttp3} package, so a
 * build that brings both gets a mix of their classes and fails later with a {@code NoSuchMethodError} or worse; this
 * check fails at once, saying which jars clash and what to exclude.
 */
final class OkHttpVersionCheck {
    /** The oldest OkHttp major version this transport runs on. */
    static final int REQUIRED_MAJOR = 5;

    private static final String FIX = "walletdevice-transport-okhttp needs OkHttp " + REQUIRED_MAJOR
            + " (com.squareup.okhttp3:okhttp-jvm): exclude com.squareup.okhttp3:okhttp 4.x from the dependency that "
            + "brings it (mvn dependency:tree -Dincludes=com.squareup.okhttp3), or exclude "
            + "io.github.walletdevice:walletdevice-transport-okhttp to use the JDK transport instead.";

    private static volatile boolean passed;

    private OkHttpVersionCheck() {
    }

    /**
     * Runs the check on the class loader that loaded OkHttp, once per JVM when it passes.
     *
     * @throws IncompatibleOkHttpException when two OkHttp jars are present or OkHttp is older than 5
     */
    static void ensureCompatible() {
        if (!passed) {
            ClassLoader loader = okhttp3.OkHttpClient.class.getClassLoader();
            check(copiesOfOkHttpClient(loader), runtimeVersion(loader));
            passed = true;
        }
    }

    /**
     * The check itself.
     *
     * @param okHttpClientCopies where {@code okhttp3/OkHttpClient.class} was found on the class path; the same jar
     *        listed twice (a class path naming it twice) counts once
     * @param version the version OkHttp reports ({@code okhttp3.OkHttp.VERSION} as loaded)
     * @throws IncompatibleOkHttpException naming the jars or the version, and what to exclude
     */
    static void check(List<URL> okHttpClientCopies, String version) {
        // A loop, not a stream: this runs as the first client is built, where every class loaded counts.
        Set<String> jars = new LinkedHashSet<>();
        for (URL copy : okHttpClientCopies) {
            jars.add(jarOf(copy));
        }
        if (jars.size() > 1) {
            throw new IncompatibleOkHttpException("Two OkHttp versions are on the class path and share the okhttp3 "
                    + "package: " + String.join(", ", jars) + ". " + FIX);
        }
        if (major(version) < REQUIRED_MAJOR) {
            throw new IncompatibleOkHttpException("OkHttp " + version + " is on the class path. " + FIX);
        }
    }

    private static List<URL> copiesOfOkHttpClient(ClassLoader loader) {
        try {
            return loader == null ? List.of()
                    : Collections.list(loader.getResources("okhttp3/OkHttpClient.class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read at run time: {@code OkHttp.VERSION} is a constant, so a direct reference would be this build's. */
    private static String runtimeVersion(ClassLoader loader) {
        try {
            return String.valueOf(Class.forName("okhttp3.OkHttp", false, loader).getField("VERSION").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "unknown (" + e + ")";
        }
    }

    private static int major(String version) {
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        // An unreadable version is not taken as too old: the duplicate check above is the one that matters.
        return end == 0 ? REQUIRED_MAJOR : Integer.parseInt(version.substring(0, Math.min(end, 6)));
    }

    private static String jarOf(URL classFile) {
        String s = classFile.toString();
        int bang = s.indexOf("!/");
        if (bang < 0) {
            return s;
        }
        String jar = s.substring(0, bang);
        return jar.startsWith("jar:") ? jar.substring("jar:".length()) : jar;
    }
}
