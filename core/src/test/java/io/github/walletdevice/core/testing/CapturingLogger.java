package io.github.walletdevice.core.testing;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger at DEBUG (TRACE is off) that formats each event into {@link CapturedLogs}. */
final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                               Throwable throwable) {
        StringBuilder line = new StringBuilder(level.name()).append(' ').append(name).append(" - ")
                .append(MessageFormatter.basicArrayFormat(messagePattern, arguments));
        // Exception messages are where secrets leak most easily, so they are captured too.
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            line.append(" | ").append(t);
        }
        CapturedLogs.add(name, line.toString());
    }
}
