package io.github.walletdevice.felica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One million random and mutated frames: decoding returns a frame or throws {@link FelicaFormatException}, never
 * anything else; and whatever decodes re-encodes to exactly the same bytes (the decoder accepts only canonical
 * frames).
 */
class DecoderFuzzTest {

    private static final int FRAMES = 1_000_000;
    private static final List<FelicaCommand<?>> COMMANDS = SampleFrames.commands();
    private static final byte[][] SEEDS;

    static {
        List<FelicaFrame> all = SampleFrames.all();
        SEEDS = new byte[all.size()][];
        for (int i = 0; i < all.size(); i++) {
            SEEDS[i] = all.get(i).encode();
        }
    }

    private long decoded;
    private long rejected;

    @Test
    void randomAndMutatedFramesNeverEscapeTheFormatException() throws Exception {
        // A thread of its own keeps the stack shallow: most frames are rejected, and filling in the stack trace of
        // each exception under the test runner's deep stack would dominate the run time.
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "felica-fuzz");
        worker.start();
        worker.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0].getMessage(), failure[0]);
        }
    }

    private void run() {
        SplittableRandom random = new SplittableRandom(0x5EED_F311CAL);
        for (int i = 0; i < FRAMES; i++) {
            byte[] frame = (i % 4 == 0) ? randomFrame(random) : mutate(SEEDS[random.nextInt(SEEDS.length)], random);
            check(frame, random);
        }
        // Both outcomes must be common, or the generator is not exercising the decoder.
        assertThat(decoded).isGreaterThan(FRAMES / 20);
        assertThat(rejected).isGreaterThan(FRAMES / 5);
    }

    private void check(byte[] frame, SplittableRandom random) {
        byte[] before = frame.clone();
        try {
            FelicaCommand<?> c = FelicaDecoder.decodeCommand(frame);
            assertCanonical(frame, c.encode());
            decoded++;
        } catch (FelicaFormatException e) {
            rejected++;
            checkException(e, frame);
        } catch (Throwable t) {
            fail("decodeCommand(" + hex(frame) + ") threw " + t, t);
        }
        try {
            FelicaResponse r = FelicaDecoder.decodeResponse(frame);
            assertCanonical(frame, r.encode());
            decoded++;
        } catch (FelicaFormatException e) {
            rejected++;
            checkException(e, frame);
        } catch (Throwable t) {
            fail("decodeResponse(" + hex(frame) + ") threw " + t, t);
        }
        int pick = random.nextInt(8);
        if (pick == 0 || pick == 1) {
            answer(frame, random);
        } else if (pick == 2 || pick == 3) {
            withoutLength(frame);
        } else if (pick == 4) {
            describe(frame);
        }
        if (!Arrays.equals(frame, before)) {
            fail("the decoder modified its input " + hex(before));
        }
    }

    private static void answer(byte[] frame, SplittableRandom random) {
        try {
            FelicaDecoder.decodeResponse(frame, COMMANDS.get(random.nextInt(COMMANDS.size())));
        } catch (FelicaFormatException e) {
            checkException(e, frame);
        } catch (Throwable t) {
            fail("decodeResponse(" + hex(frame) + ", command) threw " + t, t);
        }
    }

    private static void withoutLength(byte[] frame) {
        if (frame.length > 0) {
            byte[] bare = Arrays.copyOfRange(frame, 1, frame.length);
            try {
                FelicaDecoder.decodeCommandWithoutLength(bare);
            } catch (FelicaFormatException e) {
                checkException(e, bare);
            } catch (Throwable t) {
                fail("decodeCommandWithoutLength(" + hex(bare) + ") threw " + t, t);
            }
            try {
                FelicaDecoder.decodeResponseWithoutLength(bare);
            } catch (FelicaFormatException e) {
                checkException(e, bare);
            } catch (Throwable t) {
                fail("decodeResponseWithoutLength(" + hex(bare) + ") threw " + t, t);
            }
        }
    }

    private static void describe(byte[] frame) {
        try {
            Map<String, Object> m = FelicaFrameDescriber.describe(frame);
            if (!m.containsKey("direction") || !m.containsKey("name") || !m.containsKey("code")) {
                fail("describe(" + hex(frame) + ") lacks the common keys: " + m);
            }
            FelicaFrameDescriber.explain(frame);
        } catch (FelicaFormatException e) {
            checkException(e, frame);
        } catch (Throwable t) {
            fail("describe(" + hex(frame) + ") threw " + t, t);
        }
    }

    private static void assertCanonical(byte[] frame, byte[] encoded) {
        if (!Arrays.equals(frame, encoded)) {
            fail("decoded " + hex(frame) + " but re-encoded as " + hex(encoded));
        }
    }

    private static void checkException(FelicaFormatException e, byte[] frame) {
        if (e.offset() < 0 || e.offset() > Math.max(frame.length, 255) || e.reason() == null
                || !e.getMessage().contains(e.reason())) {
            fail("bad exception for " + hex(frame) + ": offset " + e.offset() + ", " + e.getMessage());
        }
    }

    private static byte[] randomFrame(SplittableRandom random) {
        int length = random.nextInt(8) == 0 ? random.nextInt(300) : 2 + random.nextInt(40);
        byte[] f = new byte[length];
        for (int i = 0; i < length; i++) {
            f[i] = (byte) random.nextInt(256);
        }
        if (length > 1) {
            if (random.nextBoolean()) {
                f[0] = (byte) length;
            }
            if (random.nextBoolean()) {
                // Mostly codes the decoder models, so the per-type readers see random bodies.
                int[] codes = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D,
                    0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x28, 0x29, 0x32, 0x33, 0x38, 0x39, 0x3C, 0x3D, 0x3E, 0x3F,
                    0x70, 0x71};
                f[1] = (byte) codes[random.nextInt(codes.length)];
            }
        }
        return f;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] f = seed.clone();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            switch (random.nextInt(8)) {
                case 0: // bit flip
                    if (f.length > 0) {
                        int i = random.nextInt(f.length);
                        f[i] ^= (byte) (1 << random.nextInt(8));
                    }
                    break;
                case 1: // truncate, keeping LEN consistent half the time
                    if (f.length > 0) {
                        f = Arrays.copyOf(f, random.nextInt(f.length));
                        fixLength(f, random);
                    }
                    break;
                case 2: // extend
                    int extra = 1 + random.nextInt(random.nextInt(16) == 0 ? 250 : 20);
                    int old = f.length;
                    f = Arrays.copyOf(f, old + extra);
                    for (int i = old; i < f.length; i++) {
                        f[i] = (byte) random.nextInt(256);
                    }
                    fixLength(f, random);
                    break;
                case 3: // LEN change
                    if (f.length > 0) {
                        f[0] = (byte) (random.nextBoolean() ? f[0] + random.nextInt(-3, 4) : random.nextInt(256));
                    }
                    break;
                case 4: // a byte replaced by an edge value, often hitting counts and flags
                    if (f.length > 0) {
                        int[] edges = {0x00, 0x01, 0x0F, 0x10, 0x11, 0x20, 0x21, 0x7F, 0x80, 0xFE, 0xFF};
                        f[random.nextInt(f.length)] = (byte) edges[random.nextInt(edges.length)];
                    }
                    break;
                case 5: // the count bytes right after the IDm
                    if (f.length > 10) {
                        f[10 + random.nextInt(Math.min(3, f.length - 10))] = (byte) random.nextInt(40);
                    }
                    break;
                case 6: // the code changed to its neighbour (command <-> response)
                    if (f.length > 1) {
                        f[1] ^= 1;
                    }
                    break;
                default: // delete one byte in the middle, keeping LEN consistent
                    if (f.length > 2) {
                        int i = 1 + random.nextInt(f.length - 1);
                        byte[] g = new byte[f.length - 1];
                        System.arraycopy(f, 0, g, 0, i);
                        System.arraycopy(f, i + 1, g, i, f.length - i - 1);
                        f = g;
                        fixLength(f, random);
                    }
                    break;
            }
        }
        return f;
    }

    private static void fixLength(byte[] f, SplittableRandom random) {
        if (f.length > 0 && random.nextBoolean()) {
            f[0] = (byte) f.length;
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }
}
