package io.github.walletdevice.felica;

import static io.github.walletdevice.felica.internal.Bytes.HEX;

import io.github.walletdevice.felica.internal.Bytes;
import java.time.Duration;
import java.util.Optional;

/**
 * The 8-byte Manufacture Parameter (PMm) of a FeliCa card, held as a big-endian {@code long}.
 *
 * <p>Byte 0 is the ROM type and byte 1 the IC type (together the IC code). Bytes 2–7 encode the maximum response
 * time of six command classes ({@link CommandClass}). Each of those bytes holds three fields: E (bits 7–6),
 * B (bits 5–3) and A (bits 2–0), and the card answers within
 * {@code T × ((B + 1) × n + (A + 1)) × 4^E}, where n is the number of blocks or nodes the command names and
 * T = 256 × 16 / 13.56 MHz ≈ 0.302 ms. Like nfcpy, the timeouts of Search Service Code and Request System Code
 * use only the (A + 1) term and are never below 2 ms, because some ICs announce a value that is too short.
 *
 * <p>nfcpy rounds T to 302.1 µs or 302 µs; this class uses the exact value, so its results differ from nfcpy's by
 * less than 0.03 %. Prints as 16 uppercase hex digits.
 *
 * @param value the eight bytes in wire order, as a big-endian long
 */
public record Pmm(long value) {

    /** T in seconds: 256 × 16 carrier periods of 13.56 MHz. */
    private static final double T_SECONDS = 256.0 * 16.0 / 13.56e6;

    /** nfcpy's lower bound for Search Service Code and Request System Code. */
    private static final Duration NFCPY_FLOOR = Duration.ofMillis(2);

    /**
     * Creates a PMm from its 8 bytes in wire order.
     *
     * @param bytes exactly 8 bytes
     * @return the PMm
     * @throws IllegalArgumentException if {@code bytes} is not 8 bytes long
     * @throws NullPointerException if {@code bytes} is null
     */
    public static Pmm of(byte[] bytes) {
        if (bytes.length != 8) {
            throw new IllegalArgumentException("a PMm is 8 bytes, got " + bytes.length);
        }
        return new Pmm(Bytes.be64(bytes, 0));
    }

    /**
     * Parses 16 hex digits (spaces and colons are ignored).
     *
     * @param hex the PMm as hex, for example {@code "100B4B428485D0FF"}
     * @return the PMm
     * @throws IllegalArgumentException if the text is not 8 bytes of hex
     */
    public static Pmm parse(String hex) {
        return new Pmm(Bytes.parseLong8(hex, "a PMm"));
    }

    /**
     * Returns the 8 bytes in wire order (a new array each call).
     *
     * @return the bytes
     */
    public byte[] bytes() {
        return Bytes.be64(value);
    }

    /**
     * Returns one byte of the PMm.
     *
     * @param index 0–7
     * @return the byte, 0–255
     * @throws IllegalArgumentException if {@code index} is outside 0–7
     */
    public int byteAt(int index) {
        if (index < 0 || index > 7) {
            throw new IllegalArgumentException("PMm byte index must be 0–7, got " + index);
        }
        return (int) (value >>> (8 * (7 - index))) & 0xFF;
    }

    /**
     * Returns the ROM type, byte 0.
     *
     * @return 0–255
     */
    public int romType() {
        return byteAt(0);
    }

    /**
     * Returns the IC type, byte 1.
     *
     * @return 0–255
     */
    public int icType() {
        return byteAt(1);
    }

    /**
     * Returns the IC code, bytes 0–1 (ROM type, IC type) as a big-endian number.
     *
     * @return 0x0000–0xFFFF
     */
    public int icCode() {
        return (int) (value >>> 48);
    }

    /**
     * Returns the product name of the IC type where nfcpy's table knows it (for example {@code "RC-S962"}).
     *
     * @return the name, or empty for an IC type not in the table
     */
    public Optional<String> icTypeName() {
        int t = icType();
        String name;
        if (t == 0x00) {
            name = "RC-S830";
        } else if (t == 0x01) {
            name = "RC-S915";
        } else if (t == 0x02) {
            name = "RC-S919";
        } else if (t == 0x08) {
            name = "RC-S952";
        } else if (t == 0x09) {
            name = "RC-S953";
        } else if (t == 0x0B) {
            name = "new Suica";
        } else if (t == 0x0C) {
            name = "RC-S954";
        } else if (t == 0x0D) {
            name = "RC-S960";
        } else if (t == 0x20) {
            name = "RC-S962";
        } else if (t == 0x32) {
            name = "RC-SA00/1";
        } else if (t == 0x35) {
            name = "RC-SA00/2";
        } else if (t == 0x06 || t == 0x07) {
            name = "Mobile FeliCa 1.0";
        } else if (t >= 0x10 && t <= 0x13) {
            name = "Mobile FeliCa 2.0";
        } else if (t >= 0x14 && t <= 0x1F) {
            name = "Mobile FeliCa 3.0";
        } else if (t == 0xF0) {
            name = "FeliCa Lite RC-S965";
        } else if (t == 0xF1) {
            name = "FeliCa Lite-S RC-S966";
        } else if (t == 0xF2) {
            name = "FeliCa Link (Lite-S mode)";
        } else if (t == 0xE0) {
            name = "FeliCa Plug RC-S926";
        } else if (t == 0xE1) {
            name = "FeliCa Link (Plug mode)";
        } else {
            name = null;
        }
        return Optional.ofNullable(name);
    }

    /**
     * Returns the maximum response time of a command of the given class that names {@code n} blocks or nodes:
     * {@code T × ((B + 1) × n + (A + 1)) × 4^E} from the class's PMm byte.
     *
     * @param commandClass the command class
     * @param n the number of blocks (read/write) or nodes (variable commands); 1 for fixed-time commands
     * @return the timeout
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws NullPointerException if {@code commandClass} is null
     */
    public Duration timeout(CommandClass commandClass, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, got " + n);
        }
        int p = byteAt(commandClass.pmmIndex());
        int a = p & 0x07;
        int b = (p >>> 3) & 0x07;
        int e = p >>> 6;
        return ofUnits(((long) (b + 1) * n + (a + 1)) << (2 * e));
    }

    /**
     * Returns the Read Without Encryption timeout (PMm byte 5).
     *
     * @param blocks the number of blocks read
     * @return the timeout
     * @throws IllegalArgumentException if {@code blocks} is negative
     */
    public Duration readTimeout(int blocks) {
        return timeout(CommandClass.READ, blocks);
    }

    /**
     * Returns the Write Without Encryption timeout (PMm byte 6).
     *
     * @param blocks the number of blocks written
     * @return the timeout
     * @throws IllegalArgumentException if {@code blocks} is negative
     */
    public Duration writeTimeout(int blocks) {
        return timeout(CommandClass.WRITE, blocks);
    }

    /**
     * Returns the Request Service timeout (PMm byte 2).
     *
     * @param nodes the number of node codes in the command
     * @return the timeout
     * @throws IllegalArgumentException if {@code nodes} is negative
     */
    public Duration requestServiceTimeout(int nodes) {
        return timeout(CommandClass.VARIABLE, nodes);
    }

    /**
     * Returns the Request Response timeout (PMm byte 3, n = 1, as nfcpy computes it).
     *
     * @return the timeout
     */
    public Duration requestResponseTimeout() {
        return timeout(CommandClass.FIXED, 1);
    }

    /**
     * Returns the Search Service Code timeout as nfcpy computes it: PMm byte 3 with n = 0, and at least 2 ms.
     *
     * @return the timeout
     */
    public Duration searchServiceCodeTimeout() {
        Duration d = timeout(CommandClass.FIXED, 0);
        return d.compareTo(NFCPY_FLOOR) < 0 ? NFCPY_FLOOR : d;
    }

    /**
     * Returns the Request System Code timeout, computed like {@link #searchServiceCodeTimeout()}.
     *
     * @return the timeout
     */
    public Duration requestSystemCodeTimeout() {
        return searchServiceCodeTimeout();
    }

    /**
     * Returns the timeout to wait for the answer to {@code command}: {@link FelicaCommand#maximumResponseTime(Pmm)}
     * for this PMm.
     *
     * @param command the command about to be sent
     * @return the timeout
     * @throws NullPointerException if {@code command} is null
     */
    public Duration timeout(FelicaCommand<?> command) {
        return command.maximumResponseTime(this);
    }

    private static Duration ofUnits(long units) {
        return Duration.ofNanos(Math.round(units * T_SECONDS * 1e9));
    }

    /**
     * Returns the PMm as 16 uppercase hex digits.
     *
     * @return the hex text
     */
    @Override
    public String toString() {
        return HEX.toHexDigits(value);
    }
}
