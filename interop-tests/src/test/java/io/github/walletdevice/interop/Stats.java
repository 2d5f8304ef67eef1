package io.github.walletdevice.interop;

/**
 * A server's counts.
 *
 * @param received requests received (bodies read whole)
 * @param duplicates arrivals of a body already received
 * @param connectionsOpened connections accepted that carried a call
 * @param openConnections those still open
 */
record Stats(int received, int duplicates, int connectionsOpened, int openConnections) {
}
