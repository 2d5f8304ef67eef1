package io.github.walletdevice.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts secrets in everything this JVM logged: the SLF4J binding of the suite (slf4j-simple) writes every line,
 * the SDK's at DEBUG with bodies, to one file.
 *
 * @param lines lines in the log
 * @param bodyLines lines that hold a Thredd request body (what body logging writes)
 * @param passwords occurrences of the Thredd password
 * @param dpans occurrences of the whole DPAN
 */
record LogSecrets(long lines, long bodyLines, int passwords, int dpans) {
    /** The log file: the binding's setting, or its default in {@code simplelogger.properties}. */
    static Path logFile() {
        return Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/interop-tests.log"));
    }

    static LogSecrets count() {
        try {
            String log = Files.readString(logFile(), StandardCharsets.UTF_8);
            return new LogSecrets(log.lines().count(), log.lines().filter(l -> l.contains("Ws_Token_Device_Management"))
                    .count(), occurrences(log, Clients.PASSWORD), occurrences(log, Clients.DPAN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int occurrences(String text, String secret) {
        int n = 0;
        for (int i = text.indexOf(secret); i >= 0; i = text.indexOf(secret, i + 1)) {
            n++;
        }
        return n;
    }
}
