package io.github.walletdevice.felica.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.walletdevice.felica.BlockListElement;
import io.github.walletdevice.felica.FelicaDecoder;
import io.github.walletdevice.felica.FelicaFormatException;
import io.github.walletdevice.felica.NodeCode;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.RequestServiceCommand;
import io.github.walletdevice.felica.SearchServiceCodeCommand;
import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.felica.WriteWithoutEncryptionCommand;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Mutated commands never make the card throw, and every answer is a well-formed response frame. */
class VirtualFelicaCardFuzzTest {

    @Test
    void mutatedCommandsGetAWellFormedAnswerOrSilence() {
        VirtualFelicaCard card = VirtualFelicaCard.of(CardImages.transitSample());
        var idm = card.idm();
        byte[][] seeds = {
            PollingCommand.of(SystemCode.WILDCARD).encode(),
            RequestServiceCommand.of(idm, NodeCode.SYSTEM, CardImages.PURSE.nodeCode()).encode(),
            ReadWithoutEncryptionCommand.of(idm, CardImages.HISTORY, 0, 1, 2).encode(),
            new ReadWithoutEncryptionCommand(idm, List.of(CardImages.PURSE, CardImages.HISTORY),
                    List.of(BlockListElement.of(1, 0), new BlockListElement(0, 0, 0, true))).encode(),
            WriteWithoutEncryptionCommand.of(idm, CardImages.HISTORY, 0, new byte[16]).encode(),
            new SearchServiceCodeCommand(idm, 3).encode(),
        };
        SplittableRandom random = new SplittableRandom(42);
        int answered = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] f = seeds[random.nextInt(seeds.length)].clone();
            int flips = 1 + random.nextInt(3);
            for (int k = 0; k < flips; k++) {
                int p = 10 + random.nextInt(Math.max(1, f.length - 10));
                if (p < f.length) {
                    f[p] = (byte) random.nextInt(256);
                }
            }
            if (random.nextInt(4) == 0) {
                f = Arrays.copyOf(f, Math.max(0, f.length + random.nextInt(-3, 4)));
                if (f.length > 0 && random.nextBoolean()) {
                    f[0] = (byte) f.length;
                }
            }
            Optional<byte[]> r;
            try {
                r = card.transceive(f);
            } catch (RuntimeException e) {
                fail("transceive(" + HexFormat.of().formatHex(f) + ") threw " + e, e);
                return;
            }
            if (r.isPresent()) {
                answered++;
                try {
                    FelicaDecoder.decodeResponse(r.get());
                } catch (FelicaFormatException e) {
                    fail("the card answered " + HexFormat.of().formatHex(f) + " with a malformed frame: " + e);
                }
            }
        }
        assertThat(answered).isGreaterThan(10_000);
    }
}
