/**
 * The transport on the JDK's {@code java.net.http.HttpClient}: no dependency beyond the JDK, and the fallback when
 * no other transport is on the class path.
 */
package io.github.walletdevice.core.transport.jdk;
