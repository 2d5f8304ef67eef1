package io.github.walletdevice.examples.cli;

import io.github.walletdevice.examples.json.Json;
import io.github.walletdevice.felica.FelicaFrameDescriber;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code walletdevice felica …}: read FeliCa frames out of logs. */
@Command(name = "felica", mixinStandardHelpOptions = true,
        description = "Decode and explain FeliCa command and response frames.",
        subcommands = {FelicaCommand.Decode.class, FelicaCommand.Explain.class})
public final class FelicaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * Parses the hex of a frame: upper or lower case, with or without spaces, colons or a {@code 0x} prefix.
     *
     * @param text the hex text
     * @return the bytes
     * @throws IllegalArgumentException with a one-sentence reason when it is not hex
     */
    static byte[] parseHex(String text) {
        String hex = text.strip();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        hex = hex.replaceAll("[\\s:]", "");
        if (hex.isEmpty()) {
            throw new IllegalArgumentException("The frame is empty: give its bytes as hex, e.g. 0600FFFF0100.");
        }
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("The frame has an odd number of hex digits (" + hex.length()
                    + "): every byte takes two.");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (!HexFormat.isHexDigit(hex.charAt(i))) {
                throw new IllegalArgumentException("The frame has a character that is not hex at position " + (i + 1)
                        + ": '" + hex.charAt(i) + "'.");
            }
        }
        return HexFormat.of().parseHex(hex);
    }

    /** {@code walletdevice felica decode <hex>}: one frame as JSON. */
    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = "Decode one frame (LEN byte first) and print it as JSON.")
    static final class Decode implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "<hex>", description = "The frame as hex, LEN byte first, e.g. 0600FFFF0100.")
        String hex;

        @Override
        public Integer call() {
            Json.print(spec.commandLine().getOut(), FelicaFrameDescriber.describe(parseHex(hex)));
            return ExitCodes.OK;
        }
    }

    /** {@code walletdevice felica explain <hex>}: one frame as one readable line. */
    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Explain one frame (LEN byte first) in one readable line.")
    static final class Explain implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "<hex>", description = "The frame as hex, LEN byte first.")
        String hex;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(FelicaFrameDescriber.explain(parseHex(hex)));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
