package io.github.walletdevice.examples.cli;

/** Entry point of the {@code walletdevice} command line. */
public final class WalletDeviceCli {
    private WalletDeviceCli() {
    }

    /**
     * Runs the command line.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.out.println("walletdevice: the command line is being built.");
    }
}
