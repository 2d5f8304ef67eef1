package io.github.walletdevice.felica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    @Test
    void everyCommandDecodesBackToItself() {
        for (FelicaCommand<?> c : SampleFrames.commands()) {
            byte[] frame = c.encode();
            assertThat(frame.length).as("%s", c).isEqualTo(c.length());
            assertThat(frame[0] & 0xFF).as("LEN of %s", c).isEqualTo(frame.length);
            assertThat(frame[1]).isEqualTo(c.code());
            assertThat(FelicaDecoder.decodeCommand(frame)).as("%s", c).isEqualTo(c);
            assertThat(FelicaDecoder.decode(frame)).isEqualTo(c);
            assertThat(FelicaDecoder.decodeCommandWithoutLength(c.encodeWithoutLength())).isEqualTo(c);
            assertThat(FelicaDecoder.decodeCommand(frame).hashCode()).isEqualTo(c.hashCode());
        }
    }

    @Test
    void everyResponseDecodesBackToItself() {
        for (FelicaResponse r : SampleFrames.responses()) {
            byte[] frame = r.encode();
            assertThat(frame.length).as("%s", r).isEqualTo(r.length());
            assertThat(frame[0] & 0xFF).isEqualTo(frame.length);
            assertThat(frame[1]).isEqualTo(r.code());
            assertThat(FelicaDecoder.decodeResponse(frame)).as("%s", r).isEqualTo(r);
            assertThat(FelicaDecoder.decode(frame)).isEqualTo(r);
            assertThat(FelicaDecoder.decodeResponseWithoutLength(r.encodeWithoutLength())).isEqualTo(r);
            assertThat(FelicaDecoder.decodeResponse(frame).hashCode()).isEqualTo(r.hashCode());
        }
    }

    @Test
    void samplesCoverEveryPermittedType() {
        Set<Class<?>> seen = new HashSet<>();
        for (FelicaFrame f : SampleFrames.all()) {
            seen.add(f.getClass());
        }
        Set<Class<?>> permitted = new HashSet<>();
        for (Class<?> c : FelicaCommand.class.getPermittedSubclasses()) {
            permitted.add(c);
        }
        for (Class<?> c : FelicaResponse.class.getPermittedSubclasses()) {
            if (c.isInterface()) {
                permitted.addAll(java.util.Arrays.asList(c.getPermittedSubclasses()));
            } else {
                permitted.add(c);
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(permitted).hasSize(34);
    }

    @Test
    void valueTypesRoundTripThroughTheirTextAndBytes() {
        Idm idm = Idm.parse("01 2E 4C D4 A1 B2 C3 D4");
        assertThat(Idm.parse(idm.toString())).isEqualTo(idm);
        assertThat(Idm.of(idm.bytes())).isEqualTo(idm);
        Pmm pmm = Pmm.parse("100B4B428485D0FF");
        assertThat(Pmm.of(pmm.bytes())).isEqualTo(pmm);
        assertThat(Pmm.parse(pmm.toString())).isEqualTo(pmm);
        for (int v : new int[] {0x0000, 0x000B, 0x090F, 0xFFFF}) {
            assertThat(ServiceCode.parse(ServiceCode.of(v).toString())).isEqualTo(ServiceCode.of(v));
            assertThat(AreaCode.parse(AreaCode.of(v).toString())).isEqualTo(AreaCode.of(v));
            assertThat(NodeCode.parse(NodeCode.of(v).toString())).isEqualTo(NodeCode.of(v));
            assertThat(SystemCode.parse(SystemCode.of(v).toString())).isEqualTo(SystemCode.of(v));
        }
        for (int block : new int[] {0, 1, 12, 255, 256, 0xFFFF}) {
            for (boolean ext : new boolean[] {false, true}) {
                BlockListElement e = new BlockListElement(15, 7, block, ext);
                assertThat(BlockListElement.decode(e.bytes(), 0)).isEqualTo(e);
            }
        }
        PurseBlock p = new PurseBlock(0xFFFF_FFFFL, SampleFrames.bytes(6, 1), SampleFrames.bytes(4, 2), 0xBEEF);
        assertThat(PurseBlock.parse(p.toBytes())).isEqualTo(p);
        assertThat(PurseBlock.parse(p.toBytes()).hashCode()).isEqualTo(p.hashCode());
    }
}
