/**
 * The FeliCa (JIS X 6319-4) command and response codec, status flags, PMm timeouts, and a virtual FeliCa card.
 * No dependencies. The plumbing in {@code io.github.walletdevice.felica.internal} is not exported.
 */
module io.github.walletdevice.felica {
    exports io.github.walletdevice.felica;
    exports io.github.walletdevice.felica.emulator;
}
