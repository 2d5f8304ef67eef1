package io.github.walletdevice.felica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecoderStrictnessTest {

    private static final String IDM = "0123456789ABCDEF";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static void rejects(ThrowingCallable call, int offset, String reasonPart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FelicaFormatException.class, e -> {
            assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
            assertThat(e.reason()).contains(reasonPart);
            assertThat(e.getMessage()).contains("offset " + offset).contains(e.reason());
        });
    }

    @Test
    void nullEmptyAndOversizedInputs() {
        rejects(() -> FelicaDecoder.decodeCommand(null), 0, "null");
        rejects(() -> FelicaDecoder.decodeResponse(null), 0, "null");
        rejects(() -> FelicaDecoder.decodeCommandWithoutLength(null), 0, "null");
        rejects(() -> FelicaFrameDescriber.describe((byte[]) null), 0, "null");
        rejects(() -> FelicaDecoder.decodeCommand(new byte[0]), 0, "at least 2 bytes");
        rejects(() -> FelicaDecoder.decodeCommand(new byte[] {1}), 0, "at least 2 bytes");
        rejects(() -> FelicaDecoder.decodeCommandWithoutLength(new byte[0]), 0, "at least the code");
        byte[] big = new byte[256];
        rejects(() -> FelicaDecoder.decodeResponse(big), 255, "at most 255 bytes");
        rejects(() -> FelicaDecoder.decodeResponseWithoutLength(new byte[255]), 254, "at most 254 bytes");
    }

    @Test
    void lenMustEqualTheFrameSize() {
        // P1: a polling frame without its LEN, or with a stale LEN after adding blocks.
        rejects(() -> FelicaDecoder.decodeCommand(hex("00FFFF0100")), 0, "LEN is 0");
        rejects(() -> FelicaDecoder.decodeCommand(hex("0700FFFF0100")), 0, "LEN is 7 (07) but the frame has 6 bytes");
        rejects(() -> FelicaDecoder.decodeCommand(hex("1006" + IDM + "010F0902800080 01")), 0, "LEN is 16");
    }

    @Test
    void countsMustMatchThePayload() {
        // One service announced, two present.
        rejects(() -> FelicaDecoder.decodeCommand(hex("1206" + IDM + "010F090F09018000")), 18, "3-byte block number");
        // Two blocks announced, one present.
        rejects(() -> FelicaDecoder.decodeCommand(hex("1006" + IDM + "010F09028000")), 16, "block list element");
        // A read response whose count says 2 but carries 1 block.
        rejects(() -> FelicaDecoder.decodeResponse(hex("1D07" + IDM + "000002" + "00".repeat(16))), 13,
                "says 2 blocks");
        // A write whose data is one byte short.
        rejects(() -> FelicaDecoder.decodeCommand(hex("1F08" + IDM + "0109000180" + "00" + "00".repeat(15))), 16,
                "need 16 bytes of block data");
        // Request Service announcing 2 nodes with one present.
        rejects(() -> FelicaDecoder.decodeCommand(hex("0D02" + IDM + "02FFFF")), 11, "2 node codes");
    }

    @Test
    void errorBodiesMustEndAfterStatusFlag2() {
        rejects(() -> FelicaDecoder.decodeResponse(hex("0D07" + IDM + "01A600")), 12, "after the end");
        rejects(() -> FelicaDecoder.decodeResponse(hex("0D33" + IDM + "FFA100")), 12, "after the end");
        assertThat(FelicaDecoder.decodeResponse(hex("0C07" + IDM + "01A6"))).isInstanceOf(
                ReadWithoutEncryptionResponse.class);
    }

    @Test
    void successfulReadsCarryBlocks() {
        rejects(() -> FelicaDecoder.decodeResponse(hex("0C07" + IDM + "0000")), 12, "the number of blocks");
        rejects(() -> FelicaDecoder.decodeResponse(hex("0D07" + IDM + "000000")), 12, "must be 1–15");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "17 services in a read, 06" + IDM + "11" + "0F09",
        "0 services in a read, 06" + IDM + "00" + "018000",
        "16 blocks in a read, 06" + IDM + "010F0910" + "8000",
        "0 blocks in a read, 06" + IDM + "010F0900",
        "14 blocks in a write, 08" + IDM + "0109000E",
        "33 nodes in Request Service, 02" + IDM + "21FFFF",
        "0 nodes in Request Service, 02" + IDM + "00",
        "17 nodes in Get Node Property, 28" + IDM + "0011FFFF",
        "bad Get Node Property target, 28" + IDM + "0201FFFF",
        "Polling request code 03, 00FFFF0300",
        "Polling time slot 02, 00FFFF0002",
        "non-zero reserved bytes, 3E" + IDM + "0100",
        "Get Container ID reserved bytes, 700001",
        "trailing byte after Polling, 00FFFF000000",
        "truncated IDm, 04" + "0123",
    })
    void limitsOfTheFormatAreEnforced(String name, String withoutLen) {
        byte[] body = hex(withoutLen);
        byte[] frame = new byte[body.length + 1];
        frame[0] = (byte) frame.length;
        System.arraycopy(body, 0, frame, 1, body.length);
        assertThatThrownBy(() -> FelicaDecoder.decodeCommand(frame)).as(name)
                .isInstanceOfSatisfying(FelicaFormatException.class,
                        e -> assertThat(e.reason()).doesNotContain("LEN is").isNotBlank());
        assertThatThrownBy(() -> FelicaDecoder.decodeCommandWithoutLength(body)).as(name)
                .isInstanceOf(FelicaFormatException.class);
    }

    @Test
    void limitViolationsPointAtTheOffendingByte() {
        rejects(() -> FelicaDecoder.decodeCommand(hex("0600FFFF0300")), 4, "request code must be 00, 01 or 02");
        rejects(() -> FelicaDecoder.decodeCommand(hex("0600FFFF0002")), 5, "time slot byte");
        rejects(() -> FelicaDecoder.decodeCommand(hex("0D06" + IDM + "11" + "0F09")), 10,
                "the number of services must be 1–16, got 17");
        rejects(() -> FelicaDecoder.decodeResponse(hex("0C05" + IDM + "0000")), 11, "after the end");
        rejects(() -> FelicaDecoder.decodeResponse(hex("0B05" + IDM + "04")), 10, "the mode must be 0–3, got 4");
    }

    @Test
    void unknownCodesKeepTheirBytes() {
        FelicaCommand<?> c = FelicaDecoder.decodeCommand(hex("0514AABBCC"));
        assertThat(c).isEqualTo(new UnknownCommand(0x14, hex("AABBCC")));
        assertThat(c.name()).isEqualTo("Unknown");
        assertThat(c.encode()).isEqualTo(hex("0514AABBCC"));
        // Echo F000 is a 2-byte code: unknown here, kept whole.
        assertThat(FelicaDecoder.decodeCommand(hex("04F00001"))).isEqualTo(new UnknownCommand(0xF0, hex("0001")));
        // An odd code handed to decodeCommand is not a command this codec models.
        assertThat(FelicaDecoder.decodeCommand(hex("0207"))).isEqualTo(new UnknownCommand(0x07, new byte[0]));
        assertThat(FelicaDecoder.decodeResponse(hex("0206"))).isEqualTo(new UnknownResponse(0x06, new byte[0]));
        assertThatThrownBy(() -> new UnknownCommand(0x06, new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("own command type");
    }

    @Test
    void framesWithoutLen() {
        FelicaCommand<?> c = FelicaDecoder.decodeCommandWithoutLength(hex("00FFFF0100"));
        assertThat(c).isEqualTo(FelicaDecoder.decodeCommand(hex("0600FFFF0100")));
        // Offsets count from the array given.
        rejects(() -> FelicaDecoder.decodeCommandWithoutLength(hex("00FFFF0300")), 3, "request code");
        FelicaResponse r = FelicaDecoder.decodeResponseWithoutLength(hex("09" + IDM + "0000"),
                new WriteWithoutEncryptionCommand(Idm.parse(IDM), java.util.List.of(ServiceCode.of(9)),
                        java.util.List.of(BlockListElement.of(0, 0)), new byte[16]));
        assertThat(r).isInstanceOf(WriteWithoutEncryptionResponse.class);
    }

    @Test
    void responsesAreCheckedAgainstTheCommandSent() {
        FelicaCommand<?> read = ReadWithoutEncryptionCommand.of(Idm.parse(IDM), ServiceCode.of(0x090F), 0);
        rejects(() -> FelicaDecoder.decodeResponse(hex("0C09" + IDM + "0000"), read), 1,
                "response code 09 does not answer command 06");
        rejects(() -> FelicaDecoder.decodeResponse(hex("0C07" + "1123456789ABCDEF" + "01A6"), read), 2,
                "does not echo the command IDm 0123456789ABCDEF");
        rejects(() -> FelicaDecoder.decodeResponseWithoutLength(hex("07" + "1123456789ABCDEF" + "01A6"), read), 1,
                "does not echo");
        assertThat(FelicaDecoder.decodeResponse(hex("0C07" + IDM + "01A6"), read))
                .isInstanceOf(ReadWithoutEncryptionResponse.class);
        // Polling carries no IDm, so any IDm answers it; Auth2 and Get Container ID responses carry none.
        assertThat(FelicaDecoder.decodeResponse(hex("1201" + IDM + "100B4B428485D0FF"),
                PollingCommand.of(SystemCode.WILDCARD))).isInstanceOf(PollingResponse.class);
        assertThat(FelicaDecoder.decodeResponse(hex("2213" + "00".repeat(32)),
                new Authentication2Command(Idm.parse(IDM), new byte[8]))).isInstanceOf(Authentication2Response.class);
        // An unknown command's answer is its code + 1.
        assertThat(FelicaDecoder.decodeResponse(hex("0315FF"), new UnknownCommand(0x14, new byte[0])))
                .isEqualTo(new UnknownResponse(0x15, hex("FF")));
    }

    @Test
    void decodeChoosesTheDirectionByParity() {
        assertThat(FelicaDecoder.decode(hex("0600FFFF0100"))).isInstanceOf(PollingCommand.class);
        assertThat(FelicaDecoder.decode(hex("1201" + IDM + "100B4B428485D0FF"))).isInstanceOf(PollingResponse.class);
        assertThat(FelicaDecoder.isKnownCommandCode(0x70)).isTrue();
        assertThat(FelicaDecoder.isKnownCommandCode(0x14)).isFalse();
        assertThat(FelicaDecoder.isKnownResponseCode(0x71)).isTrue();
        assertThat(FelicaDecoder.isKnownResponseCode(0x70)).isFalse();
    }

    @Test
    void blockListElementDecoding() {
        rejects(() -> BlockListElement.decode(null, 0), 0, "null");
        rejects(() -> BlockListElement.decode(hex("8000"), -1), 0, "outside");
        rejects(() -> BlockListElement.decode(hex("8000"), 3), 3, "outside");
        rejects(() -> BlockListElement.decode(hex("8000"), 2), 2, "block list element");
        rejects(() -> BlockListElement.decode(hex("80"), 0), 1, "block number");
        rejects(() -> BlockListElement.decode(hex("0001"), 0), 1, "3-byte block number");
        assertThat(BlockListElement.decode(hex("FF8005"), 1)).isEqualTo(BlockListElement.of(0, 5));
    }

    @Test
    void theDecoderDoesNotKeepReferencesToItsInput() {
        byte[] frame = hex("1D07" + IDM + "000001" + "11".repeat(16));
        ReadWithoutEncryptionResponse r = (ReadWithoutEncryptionResponse) FelicaDecoder.decodeResponse(frame);
        frame[20] = 0;
        assertThat(r.block(0)).containsOnly(0x11);
        r.blockData()[0] = 0;
        r.block(0)[0] = 0;
        assertThat(r.block(0)[0]).isEqualTo((byte) 0x11);
    }
}
