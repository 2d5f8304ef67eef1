/**
 * The FeliCa (JIS X 6319-4) command and response codec, status flags, PMm timeouts, and a virtual FeliCa card.
 * No dependencies.
 */
module io.github.walletdevice.felica {
    exports io.github.walletdevice.felica;
    exports io.github.walletdevice.felica.emulator;
}
