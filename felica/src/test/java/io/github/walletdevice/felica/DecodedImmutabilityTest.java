package io.github.walletdevice.felica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decoders hand their freshly read arrays to the records without a second copy; this checks that nothing a
 * caller holds is shared with a decoded or constructed value: not the input frame, not an array passed to a public
 * constructor, not an array an accessor returns.
 */
class DecodedImmutabilityTest {

    @Test
    void mutatingTheInputFrameAfterDecodingChangesNothing() {
        for (FelicaFrame sample : SampleFrames.all()) {
            byte[] original = sample.encode();
            byte[] frame = original.clone();
            FelicaFrame decoded = FelicaDecoder.decode(frame);
            byte[] packet = sample.encodeWithoutLength();
            FelicaFrame decodedWithoutLength = sample instanceof FelicaCommand
                    ? FelicaDecoder.decodeCommandWithoutLength(packet)
                    : FelicaDecoder.decodeResponseWithoutLength(packet);

            scramble(frame);
            scramble(packet);

            assertThat(decoded).as("%s", sample).isEqualTo(sample);
            assertThat(decoded.encode()).as("%s", sample).isEqualTo(original);
            assertThat(decodedWithoutLength).as("%s", sample).isEqualTo(sample);
            assertThat(decodedWithoutLength.encode()).as("%s", sample).isEqualTo(original);
        }
    }

    @Test
    void mutatingAnArrayAnAccessorReturnedChangesNothing() throws Exception {
        int arrays = 0;
        for (FelicaFrame sample : SampleFrames.all()) {
            byte[] original = sample.encode();
            FelicaFrame decoded = FelicaDecoder.decode(original.clone());
            for (RecordComponent c : decoded.getClass().getRecordComponents()) {
                if (c.getType() != byte[].class) {
                    continue;
                }
                byte[] first = (byte[]) c.getAccessor().invoke(decoded);
                byte[] before = first.clone();
                scramble(first);
                byte[] second = (byte[]) c.getAccessor().invoke(decoded);
                assertThat(second).as("%s.%s", sample, c.getName()).isEqualTo(before);
                if (second.length > 0) {
                    assertThat(second).as("%s.%s", sample, c.getName()).isNotSameAs(first);
                }
                arrays++;
            }
            assertThat(decoded).as("%s", sample).isEqualTo(sample);
            assertThat(decoded.encode()).as("%s", sample).isEqualTo(original);
        }
        assertThat(arrays).as("byte[] components checked").isGreaterThan(10);
    }

    @Test
    void decodedListsCannotBeChanged() throws Exception {
        int lists = 0;
        for (FelicaFrame sample : SampleFrames.all()) {
            FelicaFrame decoded = FelicaDecoder.decode(sample.encode());
            for (RecordComponent c : decoded.getClass().getRecordComponents()) {
                if (c.getType() == List.class) {
                    List<?> list = (List<?>) c.getAccessor().invoke(decoded);
                    assertThatThrownBy(() -> list.add(null)).as("%s.%s", sample, c.getName())
                            .isInstanceOf(UnsupportedOperationException.class);
                    lists++;
                }
            }
        }
        assertThat(lists).as("list components checked").isGreaterThan(10);
    }

    @Test
    void publicConstructorsStillCopyTheirArrays() throws Exception {
        int arrays = 0;
        for (FelicaFrame sample : SampleFrames.all()) {
            RecordComponent[] components = sample.getClass().getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] args = new Object[components.length];
            List<byte[]> passed = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                args[i] = components[i].getAccessor().invoke(sample);
                if (args[i] instanceof byte[] b) {
                    passed.add(b);
                }
            }
            if (passed.isEmpty()) {
                continue;
            }
            Constructor<?> canonical = sample.getClass().getDeclaredConstructor(types);
            Object built = canonical.newInstance(args);
            byte[] original = sample.encode();
            for (byte[] b : passed) {
                scramble(b);
                arrays++;
            }
            assertThat(built).as("%s", sample).isEqualTo(sample);
            assertThat(((FelicaFrame) built).encode()).as("%s", sample).isEqualTo(original);
        }
        assertThat(arrays).as("byte[] components checked").isGreaterThan(10);
    }

    @Test
    void readWithoutEncryptionResponseKeepsItsBlocks() {
        byte[] frame = ReadWithoutEncryptionResponse.success(SampleFrames.IDM,
                List.of(SampleFrames.block(1), SampleFrames.block(2))).encode();
        ReadWithoutEncryptionResponse r = (ReadWithoutEncryptionResponse) FelicaDecoder.decodeResponse(frame);
        byte[] data = r.blockData();
        Arrays.fill(frame, (byte) 0x5A);
        Arrays.fill(data, (byte) 0x5A);
        r.block(0)[0] ^= 1;
        r.blocks().get(1)[0] ^= 1;
        assertThat(r.block(0)).isEqualTo(SampleFrames.block(1));
        assertThat(r.block(1)).isEqualTo(SampleFrames.block(2));
        assertThat(r.blockData()).isNotSameAs(r.blockData());
    }

    @Test
    void successAndOfCopyTheBlocksTheyAreGiven() {
        byte[] b1 = SampleFrames.block(3);
        List<byte[]> blocks = List.of(b1);
        ReadWithoutEncryptionResponse read = ReadWithoutEncryptionResponse.success(SampleFrames.IDM, blocks);
        WriteWithoutEncryptionCommand write = WriteWithoutEncryptionCommand.of(SampleFrames.IDM,
                List.of(ServiceCode.of(0x1009)), List.of(BlockListElement.of(0, 0)), blocks);
        WriteWithoutEncryptionCommand single = WriteWithoutEncryptionCommand.of(SampleFrames.IDM,
                ServiceCode.of(0x1009), 0, b1);
        scramble(b1);
        assertThat(read.block(0)).isEqualTo(SampleFrames.block(3));
        assertThat(write.block(0)).isEqualTo(SampleFrames.block(3));
        assertThat(single.block(0)).isEqualTo(SampleFrames.block(3));
    }

    @Test
    void purseBlocksShareNothingWithCallers() {
        byte[] block = SampleFrames.block(4);
        PurseBlock p = PurseBlock.parse(block);
        scramble(block);
        assertThat(p.toBytes()).isEqualTo(SampleFrames.block(4));

        PurseBlock q = p.withBalance(1234).withExecutionId(7);
        q.cashbackData()[0] ^= 1;
        q.userData()[0] ^= 1;
        p.cashbackData()[0] ^= 1;
        assertThat(q.cashbackData()).isEqualTo(Arrays.copyOfRange(SampleFrames.block(4), 4, 10));
        assertThat(q.userData()).isEqualTo(Arrays.copyOfRange(SampleFrames.block(4), 10, 14));
        assertThat(p.toBytes()).isEqualTo(SampleFrames.block(4));

        PurseBlock zero = PurseBlock.of(5);
        zero.cashbackData()[0] = 9;
        assertThat(zero.cashbackData()).containsOnly(0);
    }

    @Test
    void aConstructorKeepsACopyOfWhatItIsGiven() {
        byte[] eight = new byte[8];
        Authentication2Command c = new Authentication2Command(SampleFrames.IDM, eight);
        eight[0] = 1;
        assertThat(c.challenge2B()).containsOnly(0);
    }

    @Test
    void anEmptyArrayIsSharedButNeverExposed() {
        byte[] empty = new byte[0];
        UnknownResponse r = new UnknownResponse(0x15, empty);
        assertThat(r.body()).isEmpty();
        assertThat(r.body()).isNotSameAs(r.body());
    }

    private static void scramble(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ~b[i];
        }
    }
}
