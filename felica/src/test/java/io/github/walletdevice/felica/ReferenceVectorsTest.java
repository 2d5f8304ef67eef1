package io.github.walletdevice.felica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Vectors from the public sources named in felica/README.md (nfcpy's tests, the unofficial user's manual). */
class ReferenceVectorsTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    @ParameterizedTest(name = "block {0}, mode {1}, service {2}, extended {3} -> {4}")
    @CsvSource({
        // nfcpy TestBlockCode.test_pack
        "12, 0, 0, false, 800C",
        "12, 3, 0, false, B00C",
        "12, 3, 1, false, B10C",
        "255, 0, 0, false, 80FF",
        "256, 0, 0, false, 000001",
        "256, 3, 1, false, 310001",
        "65535, 0, 0, false, 00FFFF",
        // felica-rs block_list_element_pack_short_and_extended_forms
        "18, 5, 10, false, DA12",
        "4660, 2, 3, false, 233412",
        // kormax BlockListElementTest
        "5, 0, 0, false, 8005",
        "4660, 1, 1, true, 113412",
        "10, 0, 15, false, 8F0A",
        // a 3-byte element below 256 (nfcpy emulator test: 000100 = block 1)
        "1, 0, 0, true, 000100",
    })
    void blockListElements(int block, int mode, int service, boolean extended, String bytes) {
        BlockListElement e = new BlockListElement(service, mode, block, extended);
        assertThat(HEX.formatHex(e.bytes())).isEqualTo(bytes);
        assertThat(BlockListElement.decode(hex(bytes), 0)).isEqualTo(e);
    }

    @Test
    void blockNumbersAbove255AlwaysUseTheLongForm() {
        assertThat(BlockListElement.of(0, 256).extended()).isTrue();
        assertThat(BlockListElement.of(0, 255).extended()).isFalse();
        assertThat(BlockListElement.of(0, 255).encodedLength()).isEqualTo(2);
    }

    @Test
    void serviceCodeIsLittleEndianOnTheWireAndPrintsItsValue() {
        ServiceCode s = ServiceCode.of(4, 0x0B); // nfcpy ServiceCode(4, 11).pack() == 0B 01
        assertThat(s.value()).isEqualTo(0x010B);
        assertThat(HEX.formatHex(s.bytes())).isEqualTo("0B01");
        assertThat(ServiceCode.of(0x000B)).hasToString("000B");
        assertThat(ServiceCode.of(0x090F).number()).isEqualTo(0x24);
        byte[] frame = ReadWithoutEncryptionCommand.of(SampleFrames.IDM, ServiceCode.of(0x000B), 0).encode();
        assertThat(HEX.formatHex(frame)).isEqualTo("10060123456789ABCDEF010B000180" + "00");
    }

    @Test
    void systemCodesAreBigEndianOnTheWire() {
        assertThat(HEX.formatHex(PollingCommand.of(SystemCode.of(0x12FC)).encode())).isEqualTo("060012FC0000");
        RequestSystemCodeResponse r = new RequestSystemCodeResponse(SampleFrames.IDM,
                List.of(SystemCode.of(0x0003), SystemCode.of(0xFE00)));
        assertThat(HEX.formatHex(r.encode())).isEqualTo("0F0D0123456789ABCDEF020003FE00");
    }

    @Test
    void pollingFrames() {
        // SENSF_REQ from libnfc: 00 FF FF 01 00, with LEN.
        FelicaCommand<?> c = FelicaDecoder.decodeCommand(hex("0600FFFF0100"));
        assertThat(c).isEqualTo(new PollingCommand(SystemCode.WILDCARD, RequestCode.SYSTEM_CODE, TimeSlot.SLOTS_1));
        assertThat(HEX.formatHex(new PollingCommand(SystemCode.of(0x0003), RequestCode.NONE, TimeSlot.SLOTS_16)
                .encode())).isEqualTo("06000003000F");
        // Responses are 0x12 bytes, or 0x14 with request data.
        FelicaResponse r = FelicaDecoder.decodeResponse(hex("12 01 0123456789ABCDEF 100B4B428485D0FF"));
        assertThat(r).isEqualTo(PollingResponse.of(SampleFrames.IDM, SampleFrames.PMM));
        PollingResponse withData = (PollingResponse) FelicaDecoder.decodeResponse(
                hex("14 01 0123456789ABCDEF 100B4B428485D0FF 0083"));
        assertThat(withData.communicationPerformance()).hasValue(0x83);
        assertThat(withData.requestedSystemCode()).contains(SystemCode.of(0x0083));
        // A card may omit request data it was asked for: an 18-byte answer to RC=01 is valid.
        assertThat(FelicaDecoder.decodeResponse(hex("12 01 0123456789ABCDEF 100B4B428485D0FF"),
                new PollingCommand(SystemCode.WILDCARD, RequestCode.SYSTEM_CODE, TimeSlot.SLOTS_1)))
                .isInstanceOf(PollingResponse.class);
    }

    @ParameterizedTest(name = "TSN {0} -> {1} s")
    @CsvSource({"0, 0.003625", "1, 0.004833", "3, 0.007249", "7, 0.012081", "15, 0.021745"})
    void pollingTimeoutsAsNfcpy(int tsn, double seconds) {
        assertThat(seconds(TimeSlot.of(tsn).maximumResponseTime())).isCloseTo(seconds, within(1e-6));
        assertThat(TimeSlot.of(tsn).count()).isEqualTo(tsn + 1);
    }

    @Test
    void pmmTimeoutsMatchNfcpyTests() {
        Pmm pmm = Pmm.parse("0120FFFFFFFFFFFF"); // every timing byte 0xFF: A = B = 7, E = 3
        double tolerance = 0.0004; // nfcpy rounds T to 302.1 µs or 302 µs; this codec uses 4096 / 13.56 MHz
        assertThat(seconds(pmm.readTimeout(1))).isCloseTo(0.3093504, withinRelative(tolerance));
        assertThat(seconds(pmm.readTimeout(2))).isCloseTo(0.4640256, withinRelative(tolerance));
        assertThat(seconds(pmm.readTimeout(3))).isCloseTo(0.6187008, withinRelative(tolerance));
        assertThat(seconds(pmm.readTimeout(4))).isCloseTo(0.773376, withinRelative(tolerance));
        assertThat(seconds(pmm.writeTimeout(1))).isCloseTo(0.3093504, withinRelative(tolerance));
        assertThat(seconds(pmm.requestResponseTimeout())).isCloseTo(0.309248, withinRelative(tolerance));
        assertThat(seconds(pmm.searchServiceCodeTimeout())).isCloseTo(0.154624, withinRelative(tolerance));
        assertThat(seconds(pmm.requestSystemCodeTimeout())).isCloseTo(0.154624, withinRelative(tolerance));
        assertThat(seconds(pmm.requestServiceTimeout(2))).isCloseTo(0.463872, withinRelative(tolerance));
    }

    @Test
    void pmmTimeoutsComputedInTheReference() {
        Pmm suica = Pmm.parse("100B4B428485D0FF");
        assertThat(seconds(suica.readTimeout(1)) * 1000).isCloseTo(33.83, within(0.01));
        assertThat(seconds(suica.writeTimeout(1)) * 1000).isCloseTo(77.33, within(0.01));
        assertThat(seconds(suica.requestResponseTimeout()) * 1000).isCloseTo(4.83, within(0.01));
        Pmm liteS = Pmm.parse("00F1000000014300");
        assertThat(seconds(liteS.readTimeout(4)) * 1000).isCloseTo(1.81, within(0.01));
        assertThat(seconds(liteS.writeTimeout(1)) * 1000).isCloseTo(6.04, within(0.01));
        // nfcpy's 2 ms floor for Search Service Code and Request System Code: byte 3 = 0x00 gives T only.
        assertThat(liteS.searchServiceCodeTimeout()).isEqualTo(Duration.ofMillis(2));
        assertThat(liteS.requestSystemCodeTimeout()).isEqualTo(Duration.ofMillis(2));
        assertThat(seconds(liteS.timeout(CommandClass.FIXED, 0)) * 1000).isCloseTo(0.302, within(0.001));
    }

    @Test
    void timeoutForACommandPicksItsClassAndCount() {
        Pmm pmm = Pmm.parse("0120FFFFFFFFFFFF");
        Idm idm = SampleFrames.IDM;
        assertThat(pmm.timeout(ReadWithoutEncryptionCommand.of(idm, ServiceCode.of(0x090F), 0, 1, 2)))
                .isEqualTo(pmm.readTimeout(3));
        assertThat(pmm.timeout(WriteWithoutEncryptionCommand.of(idm, ServiceCode.of(9), 0, new byte[16])))
                .isEqualTo(pmm.writeTimeout(1));
        assertThat(pmm.timeout(RequestServiceCommand.of(idm, NodeCode.SYSTEM, NodeCode.of(0))))
                .isEqualTo(pmm.requestServiceTimeout(2));
        assertThat(pmm.timeout(new SearchServiceCodeCommand(idm, 3))).isEqualTo(pmm.searchServiceCodeTimeout());
        assertThat(pmm.timeout(new RequestSystemCodeCommand(idm))).isEqualTo(pmm.requestSystemCodeTimeout());
        assertThat(pmm.timeout(new RequestResponseCommand(idm))).isEqualTo(pmm.requestResponseTimeout());
        assertThat(pmm.timeout(new PollingCommand(SystemCode.WILDCARD, RequestCode.NONE, TimeSlot.SLOTS_4)))
                .isEqualTo(TimeSlot.SLOTS_4.maximumResponseTime());
        assertThat(pmm.timeout(new Authentication2Command(idm, new byte[8])))
                .isEqualTo(pmm.timeout(CommandClass.MUTUAL_AUTHENTICATION, 1));
        assertThat(pmm.timeout(new UnknownCommand(0x80, new byte[0]))).isEqualTo(pmm.timeout(CommandClass.OTHER, 1));
        Pmm distinct = Pmm.parse("0000010203040506");
        assertThat(distinct.timeout(CommandClass.READ, 1)).isNotEqualTo(distinct.timeout(CommandClass.WRITE, 1));
        assertThat(distinct.timeout(CommandClass.VARIABLE, 3)).isGreaterThan(distinct.timeout(CommandClass.VARIABLE, 1));
    }

    @Test
    void statusFlag1ReadAsOrdinalAndAsBitmap() {
        StatusFlag1 tenth = StatusFlag1.of(0x0A);
        assertThat(tenth.ordinal()).hasValue(10);
        StatusFlag1 bitmap = StatusFlag1.of(0x02); // entry 10 in bitmap form
        assertThat(bitmap.bitmapPositions()).containsExactly(2, 10);
        assertThat(StatusFlag1.of(0x81).bitmapPositions()).containsExactly(1, 8, 9, 16);
        assertThat(StatusFlag1.SUCCESS.isSuccess()).isTrue();
        assertThat(StatusFlag1.GLOBAL_ERROR.isGlobalError()).isTrue();
        assertThat(StatusFlag1.GLOBAL_ERROR.ordinal()).isEmpty();
        assertThat(StatusFlag1.GLOBAL_ERROR.bitmapPositions()).isEmpty();
        assertThat(StatusFlag1.of(0x0A)).hasToString("0A");
        assertThat(StatusFlag1.of(1).meaning()).contains("1 (ordinal)").contains("1/9 (bitmap)");
        assertThat(StatusFlag1.of(7)).isSameAs(StatusFlag1.of(7)).isEqualTo(new StatusFlag1(7));
    }

    @Test
    void statusFlag2MeaningsAndTheWarning() {
        assertThat(StatusFlag2.of(0x71).isWarning()).isTrue();
        assertThat(StatusFlag2.of(0x71).isError()).isFalse();
        assertThat(StatusFlag2.of(0xA6).isError()).isTrue();
        assertThat(StatusFlag2.of(0xA6).meaning()).isEqualTo("service or node does not exist");
        assertThat(StatusFlag2.of(0xA8).meaning()).isEqualTo("block number out of range");
        assertThat(StatusFlag2.of(0x01).meaning()).contains("purse");
        assertThat(StatusFlag2.of(0x5A).isKnown()).isFalse();
        assertThat(StatusFlag2.of(0x5A).meaning()).isEqualTo("unknown status");
        assertThat(StatusFlag2.of(0x5A).value()).isEqualTo(0x5A);
        assertThat(StatusFlag2.of(0xA1)).hasToString("A1");
        // A response with SF1 = FF and SF2 = 71 succeeded (the write happened).
        WriteWithoutEncryptionResponse w = new WriteWithoutEncryptionResponse(SampleFrames.IDM,
                StatusFlag1.GLOBAL_ERROR, StatusFlag2.REWRITE_COUNT_EXCEEDED);
        assertThat(w.isSuccess()).isTrue();
        assertThat(w.isErrorBody()).isTrue();
        assertThat(new WriteWithoutEncryptionResponse(SampleFrames.IDM, StatusFlag1.of(1), StatusFlag2.of(0xA5))
                .isSuccess()).isFalse();
    }

    @Test
    void errorBodiesStopAfterStatusFlag2() {
        // nfcpy: errno 0x01A6 for a service of another system.
        ReadWithoutEncryptionResponse r = (ReadWithoutEncryptionResponse) FelicaDecoder.decodeResponse(
                hex("0C 07 0123456789ABCDEF 01 A6"));
        assertThat(r.statusFlag1().value()).isEqualTo(1);
        assertThat(r.statusFlag2()).isEqualTo(StatusFlag2.NODE_NOT_FOUND);
        assertThat(r.blockCount()).isZero();
        assertThat(r.blocks()).isEmpty();
    }

    @Test
    void versionWords() {
        assertThat(FelicaVersion.of(5, 0, 0).value()).isEqualTo(0x8500);
        assertThat(FelicaVersion.of(5, 0, 0)).hasToString("5.0.0");
        RequestSpecificationVersionResponse r = new RequestSpecificationVersionResponse(SampleFrames.IDM,
                StatusFlag1.SUCCESS, StatusFlag2.SUCCESS, Optional.of(SpecificationVersion.of(
                        FelicaVersion.of(5, 0, 0), FelicaVersion.of(2, 4, 6))));
        // 5.0.0 goes on the wire as 00 85; option 2.4.6 as 46 82 (felica-rs OptionVersion test).
        assertThat(HEX.formatHex(r.encode())).isEqualTo("123D0123456789ABCDEF0000" + "00" + "0085" + "01" + "4682");
        assertThat(new FelicaVersion(0x8500).isWellFormed()).isTrue();
        assertThat(new FelicaVersion(0x0A00).isWellFormed()).isFalse();
        assertThat(new FelicaVersion(0x8A00)).hasToString("A.0.0");
    }

    @Test
    void searchServiceCodeShapes() {
        SearchServiceCodeResponse area = (SearchServiceCodeResponse) FelicaDecoder.decodeResponse(
                hex("0E 0B 0123456789ABCDEF 0000 FEFF"));
        assertThat(area.areaCode()).contains(AreaCode.ROOT);
        assertThat(area.endServiceCode()).hasValue(0xFFFE);
        SearchServiceCodeResponse service = (SearchServiceCodeResponse) FelicaDecoder.decodeResponse(
                hex("0C 0B 0123456789ABCDEF 0F09"));
        assertThat(service.serviceCode()).contains(ServiceCode.of(0x090F));
        SearchServiceCodeResponse end = (SearchServiceCodeResponse) FelicaDecoder.decodeResponse(
                hex("0C 0B 0123456789ABCDEF FFFF"));
        assertThat(end.isEnd()).isTrue();
        assertThat(end.serviceCode()).isEmpty();
        assertThat(end.areaCode()).isEmpty();
        // The index is little-endian (metrodroid's index << 8 is wrong above 255).
        assertThat(HEX.formatHex(new SearchServiceCodeCommand(SampleFrames.IDM, 0x0102).encode()))
                .isEqualTo("0C0A0123456789ABCDEF0201");
    }

    @Test
    void requestServiceV2KeyVersionsAesFirstThenDes() {
        RequestServiceV2Response r = (RequestServiceV2Response) FelicaDecoder.decodeResponse(
                hex("16 33 0123456789ABCDEF 00 00 43 02 0100 0200 0300 0400"));
        assertThat(r.keyVersions()).containsExactly(KeyVersion.of(1), KeyVersion.of(2));
        assertThat(r.desKeyVersions()).containsExactly(KeyVersion.of(3), KeyVersion.of(4));
        RequestServiceV2Response aes = (RequestServiceV2Response) FelicaDecoder.decodeResponse(
                hex("12 33 0123456789ABCDEF 00 00 4F 02 0100 0200"));
        assertThat(aes.desKeyVersions()).isEmpty();
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static org.assertj.core.data.Percentage withinRelative(double fraction) {
        return org.assertj.core.data.Percentage.withPercentage(fraction * 100);
    }
}
