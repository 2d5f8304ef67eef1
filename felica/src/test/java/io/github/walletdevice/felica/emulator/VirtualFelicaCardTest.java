package io.github.walletdevice.felica.emulator;

import static io.github.walletdevice.felica.emulator.CardImages.CARD_INFO;
import static io.github.walletdevice.felica.emulator.CardImages.COMMON_INFO;
import static io.github.walletdevice.felica.emulator.CardImages.COMMON_SYSTEM;
import static io.github.walletdevice.felica.emulator.CardImages.HISTORY;
import static io.github.walletdevice.felica.emulator.CardImages.PROTECTED;
import static io.github.walletdevice.felica.emulator.CardImages.PURSE;
import static io.github.walletdevice.felica.emulator.CardImages.PURSE_READ_ONLY;
import static io.github.walletdevice.felica.emulator.CardImages.TRANSIT_IDM;
import static io.github.walletdevice.felica.emulator.CardImages.TRANSIT_SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.felica.BlockListElement;
import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.FelicaVersion;
import io.github.walletdevice.felica.GetContainerIdCommand;
import io.github.walletdevice.felica.Authentication1Command;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.KeyVersion;
import io.github.walletdevice.felica.NodeCode;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.PollingResponse;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.RequestCode;
import io.github.walletdevice.felica.RequestResponseCommand;
import io.github.walletdevice.felica.RequestResponseResponse;
import io.github.walletdevice.felica.RequestServiceCommand;
import io.github.walletdevice.felica.RequestServiceResponse;
import io.github.walletdevice.felica.RequestServiceV2Command;
import io.github.walletdevice.felica.RequestSpecificationVersionCommand;
import io.github.walletdevice.felica.RequestSpecificationVersionResponse;
import io.github.walletdevice.felica.RequestSystemCodeCommand;
import io.github.walletdevice.felica.RequestSystemCodeResponse;
import io.github.walletdevice.felica.ResetModeCommand;
import io.github.walletdevice.felica.ResetModeResponse;
import io.github.walletdevice.felica.SearchServiceCodeCommand;
import io.github.walletdevice.felica.SearchServiceCodeResponse;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.SpecificationVersion;
import io.github.walletdevice.felica.StatusFlagResponse;
import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.felica.TimeSlot;
import io.github.walletdevice.felica.WriteWithoutEncryptionCommand;
import io.github.walletdevice.felica.WriteWithoutEncryptionResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VirtualFelicaCardTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final Idm IDM = TRANSIT_IDM;
    private static final Idm IDM1 = TRANSIT_IDM.withSystemNumber(1);

    private VirtualFelicaCard card;

    @BeforeEach
    void newCard() {
        card = VirtualFelicaCard.of(CardImages.transitSample());
    }

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    private static byte[] withLen(String hexWithoutLen) {
        byte[] body = hex(hexWithoutLen);
        byte[] f = new byte[body.length + 1];
        f[0] = (byte) f.length;
        System.arraycopy(body, 0, f, 1, body.length);
        return f;
    }

    private static byte[] block(int fill) {
        byte[] b = new byte[16];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }

    private String answer(byte[] frame) {
        return card.transceive(frame).map(HEX::formatHex).orElse("silence");
    }

    private <T extends FelicaResponse> T execute(io.github.walletdevice.felica.FelicaCommand<?> c, Class<T> type) {
        Optional<FelicaResponse> r = card.execute(c);
        assertThat(r).as("answer to %s", c).isPresent();
        assertThat(r.get()).isInstanceOf(type);
        return type.cast(r.get());
    }

    private static String status(StatusFlagResponse r) {
        return r.statusFlag1() + " " + r.statusFlag2();
    }

    private String readStatus(List<ServiceCode> services, List<BlockListElement> blocks) {
        return status(execute(new ReadWithoutEncryptionCommand(IDM, services, blocks),
                ReadWithoutEncryptionResponse.class));
    }

    private String writeStatus(ServiceCode service, int accessMode, int block, byte[] data) {
        return status(execute(new WriteWithoutEncryptionCommand(IDM, List.of(service),
                List.of(BlockListElement.of(0, accessMode, block)), data), WriteWithoutEncryptionResponse.class));
    }

    @Nested
    class Polling {

        @Test
        void wildcardFindsSystemZero() {
            assertThat(answer(hex("0600FFFF0000"))).isEqualTo("1201" + IDM + CardImage.DEFAULT_PMM);
            assertThat(card.selectedSystem()).isEqualTo(TRANSIT_SYSTEM);
            assertThat(card.mode()).isZero();
        }

        @Test
        void systemCodesAndWildcardBytesSelectTheSystem() {
            PollingResponse r = execute(PollingCommand.of(COMMON_SYSTEM), PollingResponse.class);
            assertThat(r.idm()).isEqualTo(IDM1);
            assertThat(card.selectedSystem()).isEqualTo(COMMON_SYSTEM);
            assertThat(execute(PollingCommand.of(SystemCode.of(0xFEFF)), PollingResponse.class).idm()).isEqualTo(IDM1);
            assertThat(execute(PollingCommand.of(SystemCode.of(0x00FF)), PollingResponse.class).idm()).isEqualTo(IDM);
            assertThat(execute(PollingCommand.of(SystemCode.of(0xFF03)), PollingResponse.class).idm()).isEqualTo(IDM);
            assertThat(card.selectedSystem()).isEqualTo(TRANSIT_SYSTEM);
        }

        @Test
        void noMatchingSystemMeansSilence() {
            assertThat(card.execute(PollingCommand.of(SystemCode.NDEF))).isEmpty();
            assertThat(card.execute(PollingCommand.of(SystemCode.of(0x01FF)))).isEmpty();
        }

        @Test
        void requestData() {
            assertThat(answer(hex("0600FE000100"))).isEqualTo("1401" + IDM1 + CardImage.DEFAULT_PMM + "FE00");
            PollingResponse perf = execute(new PollingCommand(SystemCode.WILDCARD,
                    RequestCode.COMMUNICATION_PERFORMANCE, TimeSlot.SLOTS_16), PollingResponse.class);
            assertThat(perf.requestData()).hasValue(0x0083);
            VirtualFelicaCard old = VirtualFelicaCard.of(CardImages.transitSample().toBuilder()
                    .communicationPerformance(OptionalInt.empty()).build());
            assertThat(old.execute(new PollingCommand(SystemCode.WILDCARD, RequestCode.COMMUNICATION_PERFORMANCE,
                    TimeSlot.SLOTS_1)).map(FelicaResponse::length)).contains(18);
        }

        @Test
        void malformedPollingIsIgnored() {
            assertThat(answer(hex("0600FFFF0002"))).isEqualTo("silence"); // time slot byte 02
            assertThat(answer(hex("0600FFFF0300"))).isEqualTo("silence"); // request code 03
            assertThat(answer(hex("0700FFFF000000"))).isEqualTo("silence"); // trailing byte
            assertThat(answer(hex("00FFFF0000"))).isEqualTo("silence"); // LEN forgotten (P1)
        }
    }

    @Nested
    class Silence {

        @Test
        void wrongLenAnotherIdmAndUnsupportedCommands() {
            byte[] read = ReadWithoutEncryptionCommand.of(IDM, PURSE, 0).encode();
            read[0]++;
            assertThat(card.transceive(read)).isEmpty();
            assertThat(card.transceive(new byte[0])).isEmpty();
            assertThat(card.transceive(new byte[] {1})).isEmpty();
            assertThat(card.transceive(withLen("06" + "0123"))).isEmpty();
            assertThat(card.execute(ReadWithoutEncryptionCommand.of(Idm.parse("0000000000000001"), PURSE, 0)))
                    .isEmpty();
            assertThat(card.execute(new Authentication1Command(IDM, List.of(), List.of(PROTECTED), new byte[8])))
                    .isEmpty();
            assertThat(card.execute(new RequestServiceV2Command(IDM, List.of(NodeCode.SYSTEM)))).isEmpty();
            assertThat(card.execute(new GetContainerIdCommand())).isEmpty();
            assertThat(card.transceive(withLen("14" + IDM + "00"))).isEmpty();
            assertThat(card.transceive(new byte[256])).isEmpty();
        }

        @Test
        void malformedFramesOfCommandsWithoutStatusFlags() {
            assertThat(card.transceive(withLen("02" + IDM + "02FFFF"))).isEmpty(); // 2 nodes announced, 1 given
            assertThat(card.transceive(withLen("02" + IDM + "21" + "FFFF".repeat(33)))).isEmpty(); // 33 nodes
            assertThat(card.transceive(withLen("0A" + IDM + "00"))).isEmpty();
            assertThat(card.transceive(withLen("0C" + IDM + "00"))).isEmpty();
            assertThat(card.transceive(withLen("3E" + IDM + "0100"))).isEmpty(); // reserved bytes not 0000
        }
    }

    @Nested
    class RequestService {

        @Test
        void keyVersionsAndMissingNodes() {
            RequestServiceResponse r = execute(RequestServiceCommand.of(IDM, NodeCode.SYSTEM, NodeCode.of(0x0000),
                    NodeCode.of(0x1000), PURSE.nodeCode(), PURSE_READ_ONLY.nodeCode(), NodeCode.of(0x1234),
                    COMMON_INFO.nodeCode()), RequestServiceResponse.class);
            assertThat(r.keyVersions()).containsExactly(KeyVersion.of(0), KeyVersion.of(0), KeyVersion.of(0),
                    KeyVersion.of(0), KeyVersion.of(0), KeyVersion.MISSING_NODE, KeyVersion.MISSING_NODE);
            assertThat(r.idm()).isEqualTo(IDM);
            assertThat(execute(RequestServiceCommand.of(IDM1, COMMON_INFO.nodeCode()), RequestServiceResponse.class)
                    .keyVersions()).containsExactly(KeyVersion.of(0));
            assertThat(card.selectedSystem()).isEqualTo(COMMON_SYSTEM);
        }

        @Test
        void configuredKeyVersions() {
            VirtualFelicaCard c = VirtualFelicaCard.of(CardImage.builder().idm(IDM)
                    .system(TRANSIT_SYSTEM, s -> s.keyVersion(7)
                            .area(new AreaImage(io.github.walletdevice.felica.AreaCode.of(0x1000), 0x13FF, 5))
                            .service(ServiceImage.of(PROTECTED, List.of(new byte[16]), 0x0102)))
                    .build());
            RequestServiceResponse r = (RequestServiceResponse) c.execute(RequestServiceCommand.of(IDM,
                    NodeCode.SYSTEM, NodeCode.of(0x1000), PROTECTED.nodeCode())).orElseThrow();
            assertThat(r.keyVersions()).containsExactly(KeyVersion.of(7), KeyVersion.of(5), KeyVersion.of(0x0102));
        }
    }

    @Test
    void requestResponseReportsModeZero() {
        assertThat(answer(withLen("04" + IDM))).isEqualTo("0B05" + IDM + "00");
        assertThat(execute(new RequestResponseCommand(IDM1), RequestResponseResponse.class).mode()).isZero();
    }

    @Nested
    class Read {

        @Test
        void readsBlocksInListOrder() {
            card.writeBlock(TRANSIT_SYSTEM, PROTECTED, 0, block(1));
            ReadWithoutEncryptionResponse r = execute(new ReadWithoutEncryptionCommand(IDM,
                    List.of(CARD_INFO, PURSE, HISTORY),
                    List.of(BlockListElement.of(1, 0), BlockListElement.of(0, 0), new BlockListElement(2, 0, 9, true))),
                    ReadWithoutEncryptionResponse.class);
            assertThat(status(r)).isEqualTo("00 00");
            assertThat(r.blockCount()).isEqualTo(3);
            assertThat(PurseBlock.parse(r.block(0)).balance()).isEqualTo(500);
            assertThat(CardImages.cardAccountId(r.block(1))).isEqualTo("WD00000000000001");
            assertThat(r.block(2)).containsOnly(0);
            assertThat(HEX.formatHex(card.transceive(ReadWithoutEncryptionCommand.of(IDM, PURSE, 0).encode())
                    .orElseThrow())).isEqualTo("1D07" + IDM + "000001" + "F4010000000000000000000000000000");
        }

        @Test
        void fifteenBlocksAtOnce() {
            List<BlockListElement> blocks = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                blocks.add(BlockListElement.of(0, i % CardImages.HISTORY_BLOCKS));
            }
            ReadWithoutEncryptionResponse r = execute(new ReadWithoutEncryptionCommand(IDM, List.of(HISTORY), blocks),
                    ReadWithoutEncryptionResponse.class);
            assertThat(r.blockCount()).isEqualTo(15);
        }

        @Test
        void serviceCountOutOfRangeIsA1() {
            assertThat(answer(withLen("06" + IDM + "00" + "018000"))).isEqualTo("0C07" + IDM + "FFA1");
            assertThat(answer(withLen("06" + IDM + "11" + "1110".repeat(17) + "018000")))
                    .isEqualTo("0C07" + IDM + "FFA1");
        }

        @Test
        void blockCountOutOfRangeIsA2() {
            assertThat(answer(withLen("06" + IDM + "011110" + "00"))).isEqualTo("0C07" + IDM + "FFA2");
            assertThat(answer(withLen("06" + IDM + "011110" + "10" + "8000".repeat(16))))
                    .isEqualTo("0C07" + IDM + "FFA2");
            VirtualFelicaCard small = VirtualFelicaCard.of(CardImages.transitSample().toBuilder().maxReadBlocks(4)
                    .build());
            List<BlockListElement> five = Collections.nCopies(5, BlockListElement.of(0, 0));
            assertThat(status((ReadWithoutEncryptionResponse) small.execute(new ReadWithoutEncryptionCommand(IDM,
                    List.of(HISTORY), five)).orElseThrow())).isEqualTo("FF A2");
            assertThat(status((ReadWithoutEncryptionResponse) small.execute(new ReadWithoutEncryptionCommand(IDM,
                    List.of(HISTORY), five.subList(0, 4))).orElseThrow())).isEqualTo("00 00");
        }

        @Test
        void listOrderBeyondTheServicesIsA3AtThatElement() {
            assertThat(readStatus(List.of(PURSE), List.of(BlockListElement.of(0, 0), BlockListElement.of(1, 0))))
                    .isEqualTo("02 A3");
        }

        @Test
        void missingServiceIsA6() {
            assertThat(readStatus(List.of(ServiceCode.of(0x090F)), List.of(BlockListElement.of(0, 0))))
                    .isEqualTo("01 A6");
            // P5: a service of another system, addressed with system 0's IDm.
            assertThat(readStatus(List.of(PURSE, COMMON_INFO),
                    List.of(BlockListElement.of(0, 0), BlockListElement.of(0, 0), BlockListElement.of(1, 0))))
                    .isEqualTo("03 A6");
            ReadWithoutEncryptionResponse other = execute(ReadWithoutEncryptionCommand.of(IDM1, COMMON_INFO, 0),
                    ReadWithoutEncryptionResponse.class);
            assertThat(status(other)).isEqualTo("00 00");
            assertThat(other.idm()).isEqualTo(IDM1);
        }

        @Test
        void accessModeOtherThanNormalIsA7() {
            assertThat(readStatus(List.of(PURSE), List.of(BlockListElement.of(0, 1, 0)))).isEqualTo("01 A7");
            assertThat(readStatus(List.of(HISTORY), List.of(BlockListElement.of(0, 0), BlockListElement.of(0, 4, 0))))
                    .isEqualTo("02 A7");
        }

        @Test
        void keyProtectedServiceIsA5() {
            assertThat(readStatus(List.of(PROTECTED), List.of(BlockListElement.of(0, 0)))).isEqualTo("01 A5");
        }

        @Test
        void blockBeyondTheServiceIsA8() {
            assertThat(readStatus(List.of(HISTORY), List.of(BlockListElement.of(0, 10)))).isEqualTo("01 A8");
            assertThat(readStatus(List.of(PURSE, HISTORY),
                    List.of(BlockListElement.of(1, 9), BlockListElement.of(0, 0), BlockListElement.of(0, 1))))
                    .isEqualTo("03 A8");
            assertThat(readStatus(List.of(HISTORY), List.of(BlockListElement.of(0, 0x1234)))).isEqualTo("01 A8");
        }

        @Test
        void malformedListsAreIgnored() {
            assertThat(answer(withLen("06" + IDM + "010F09"))).isEqualTo("silence"); // no block count
            assertThat(answer(withLen("06" + IDM + "011110028000"))).isEqualTo("silence");
            assertThat(answer(withLen("06" + IDM + "01111001800000"))).isEqualTo("silence"); // trailing byte
            assertThat(answer(withLen("06" + IDM + "0111100100"))).isEqualTo("silence"); // 3-byte element cut
            assertThat(answer(withLen("06" + IDM))).isEqualTo("silence");
        }
    }

    @Nested
    class Write {

        @Test
        void topUpThePurseAndKeepHistory() {
            assertThat(writeStatus(PURSE, 0, 0, PurseBlock.of(1500).withExecutionId(1).toBytes())).isEqualTo("00 00");
            assertThat(PurseBlock.parse(card.readBlock(TRANSIT_SYSTEM, PURSE, 0)))
                    .isEqualTo(PurseBlock.of(1500).withExecutionId(1));
            // The read-only overlap shows the same block.
            ReadWithoutEncryptionResponse view = execute(ReadWithoutEncryptionCommand.of(IDM, PURSE_READ_ONLY, 0),
                    ReadWithoutEncryptionResponse.class);
            assertThat(PurseBlock.parse(view.block(0)).balance()).isEqualTo(1500);
        }

        @Test
        void cyclicWritesPushOlderRecordsDown() {
            for (int i = 1; i <= 3; i++) {
                assertThat(writeStatus(HISTORY, 0, 0, block(i))).isEqualTo("00 00");
            }
            ReadWithoutEncryptionResponse r = execute(ReadWithoutEncryptionCommand.of(IDM, HISTORY, 0, 1, 2, 3),
                    ReadWithoutEncryptionResponse.class);
            assertThat(r.block(0)).containsOnly(3);
            assertThat(r.block(1)).containsOnly(2);
            assertThat(r.block(2)).containsOnly(1);
            assertThat(r.block(3)).containsOnly(0);
            for (int i = 4; i <= 12; i++) {
                writeStatus(HISTORY, 0, 0, block(i));
            }
            assertThat(card.readBlock(TRANSIT_SYSTEM, HISTORY, 0)).containsOnly(12);
            assertThat(card.readBlock(TRANSIT_SYSTEM, HISTORY, 9)).containsOnly(3); // records 1 and 2 dropped
        }

        @Test
        void severalRecordsInOneCommandAreWrittenInListOrder() {
            WriteWithoutEncryptionCommand w = WriteWithoutEncryptionCommand.of(IDM, List.of(HISTORY, PURSE),
                    List.of(BlockListElement.of(0, 0), BlockListElement.of(0, 0), BlockListElement.of(1, 0)),
                    List.of(block(1), block(2), PurseBlock.of(42).toBytes()));
            assertThat(status(execute(w, WriteWithoutEncryptionResponse.class))).isEqualTo("00 00");
            assertThat(card.readBlock(TRANSIT_SYSTEM, HISTORY, 0)).containsOnly(2);
            assertThat(card.readBlock(TRANSIT_SYSTEM, HISTORY, 1)).containsOnly(1);
            assertThat(PurseBlock.parse(card.readBlock(TRANSIT_SYSTEM, PURSE, 0)).balance()).isEqualTo(42);
        }

        @Test
        void cyclicWriteToAnotherBlockThanZeroIsA5() {
            assertThat(writeStatus(HISTORY, 0, 3, block(1))).isEqualTo("01 A5");
        }

        @Test
        void moreCyclicWritesThanRecordsIsAF() {
            VirtualFelicaCard c = VirtualFelicaCard.of(CardImage.builder().idm(IDM)
                    .system(TRANSIT_SYSTEM, s -> s.service(HISTORY, 2)).build());
            WriteWithoutEncryptionCommand w = WriteWithoutEncryptionCommand.of(IDM, List.of(HISTORY),
                    Collections.nCopies(3, BlockListElement.of(0, 0)), List.of(block(1), block(2), block(3)));
            assertThat(status((WriteWithoutEncryptionResponse) c.execute(w).orElseThrow())).isEqualTo("03 AF");
            assertThat(c.readBlock(TRANSIT_SYSTEM, HISTORY, 0)).containsOnly(0);
        }

        @Test
        void readOnlyAndKeyProtectedServicesAreA5() {
            assertThat(writeStatus(PURSE_READ_ONLY, 0, 0, PurseBlock.of(9).toBytes())).isEqualTo("01 A5");
            assertThat(writeStatus(CARD_INFO, 0, 0, block(1))).isEqualTo("01 A5");
            assertThat(writeStatus(PROTECTED, 0, 0, block(1))).isEqualTo("01 A5");
            assertThat(PurseBlock.parse(card.readBlock(TRANSIT_SYSTEM, PURSE, 0)).balance()).isEqualTo(500);
        }

        @Test
        void countsListOrderMissingServicesAndRanges() {
            assertThat(answer(withLen("08" + IDM + "00" + "018000" + "00".repeat(16)))).isEqualTo("0C09" + IDM + "FFA1");
            assertThat(answer(withLen("08" + IDM + "014D10" + "00"))).isEqualTo("0C09" + IDM + "FFA2");
            assertThat(answer(withLen("08" + IDM + "014D10" + "0E" + "8000".repeat(14))))
                    .isEqualTo("0C09" + IDM + "FFA2");
            assertThat(writeStatus(ServiceCode.of(0x1049), 0, 0, block(1))).isEqualTo("01 A6");
            assertThat(writeStatus(COMMON_INFO, 0, 0, block(1))).isEqualTo("01 A6");
            assertThat(writeStatus(HISTORY, 0, 10, block(1))).isEqualTo("01 A8");
            WriteWithoutEncryptionCommand order = WriteWithoutEncryptionCommand.of(IDM, List.of(HISTORY),
                    List.of(BlockListElement.of(0, 0), BlockListElement.of(2, 0)), List.of(block(1), block(2)));
            assertThat(status(execute(order, WriteWithoutEncryptionResponse.class))).isEqualTo("02 A3");
            VirtualFelicaCard small = VirtualFelicaCard.of(CardImages.transitSample().toBuilder().maxWriteBlocks(1)
                    .build());
            WriteWithoutEncryptionCommand two = WriteWithoutEncryptionCommand.of(IDM, List.of(HISTORY),
                    List.of(BlockListElement.of(0, 0), BlockListElement.of(0, 0)), List.of(block(1), block(2)));
            assertThat(status((WriteWithoutEncryptionResponse) small.execute(two).orElseThrow())).isEqualTo("FF A2");
        }

        @Test
        void illegalAccessModesAreA7() {
            assertThat(writeStatus(PURSE, BlockListElement.ACCESS_MODE_PURSE_CASHBACK, 0, block(1)))
                    .isEqualTo("01 A7");
            assertThat(writeStatus(HISTORY, BlockListElement.ACCESS_MODE_KEY_CHANGE, 0, block(1))).isEqualTo("01 A7");
        }

        @Test
        void aFailingElementLeavesTheCardUntouched() {
            WriteWithoutEncryptionCommand w = WriteWithoutEncryptionCommand.of(IDM, List.of(PURSE, HISTORY, CARD_INFO),
                    List.of(BlockListElement.of(0, 0), BlockListElement.of(1, 0), BlockListElement.of(2, 0)),
                    List.of(PurseBlock.of(1).toBytes(), block(7), block(8)));
            assertThat(status(execute(w, WriteWithoutEncryptionResponse.class))).isEqualTo("03 A5");
            assertThat(PurseBlock.parse(card.readBlock(TRANSIT_SYSTEM, PURSE, 0)).balance()).isEqualTo(500);
            assertThat(card.readBlock(TRANSIT_SYSTEM, HISTORY, 0)).containsOnly(0);
        }

        @Test
        void malformedWritesAreIgnored() {
            assertThat(answer(withLen("08" + IDM + "014D1001800000"))).isEqualTo("silence"); // data too short
            assertThat(answer(withLen("08" + IDM + "014D100180" + "00".repeat(18)))).isEqualTo("silence");
            assertThat(answer(withLen("08" + IDM + "014D"))).isEqualTo("silence");
        }
    }

    @Nested
    class Purses {

        private final ServiceCode cashbackPurse = ServiceCode.of(0x1013);
        private final ServiceCode decrementPurse = ServiceCode.of(0x1055);
        private VirtualFelicaCard purses;

        @BeforeEach
        void purseCard() {
            purses = VirtualFelicaCard.of(CardImage.builder().idm(IDM).system(TRANSIT_SYSTEM, s -> s
                    .service(cashbackPurse, PurseBlock.of(100).toBytes())
                    .service(decrementPurse, PurseBlock.of(0xFFFF_FFF0L).toBytes())).build());
        }

        private String write(ServiceCode service, int accessMode, long amount) {
            byte[] data = PurseBlock.of(amount).withExecutionId(9).toBytes();
            return status((WriteWithoutEncryptionResponse) purses.execute(new WriteWithoutEncryptionCommand(IDM,
                    List.of(service), List.of(BlockListElement.of(0, accessMode, 0)), data)).orElseThrow());
        }

        private PurseBlock purse(ServiceCode service) {
            return PurseBlock.parse(purses.readBlock(TRANSIT_SYSTEM, service, 0));
        }

        @Test
        void decrement() {
            assertThat(write(cashbackPurse, 0, 30)).isEqualTo("00 00");
            assertThat(purse(cashbackPurse)).isEqualTo(PurseBlock.of(70).withExecutionId(9));
            assertThat(write(cashbackPurse, 0, 71)).isEqualTo("01 01");
            assertThat(purse(cashbackPurse).balance()).isEqualTo(70);
            assertThat(write(decrementPurse, 0, 0xFFFF_FFF0L)).isEqualTo("00 00");
            assertThat(purse(decrementPurse).balance()).isZero();
        }

        @Test
        void cashback() {
            assertThat(write(cashbackPurse, BlockListElement.ACCESS_MODE_PURSE_CASHBACK, 25)).isEqualTo("00 00");
            assertThat(purse(cashbackPurse).balance()).isEqualTo(125);
            assertThat(write(cashbackPurse, BlockListElement.ACCESS_MODE_PURSE_CASHBACK, 0xFFFF_FFFFL))
                    .isEqualTo("01 01");
            assertThat(write(decrementPurse, BlockListElement.ACCESS_MODE_PURSE_CASHBACK, 1)).isEqualTo("01 A7");
        }
    }

    @Test
    void searchServiceCodeWalksTheNodesInOrder() {
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            SearchServiceCodeResponse r = execute(new SearchServiceCodeCommand(IDM, i), SearchServiceCodeResponse.class);
            if (r.isEnd()) {
                break;
            }
            nodes.add(r.isArea() ? r.areaCode().orElseThrow() + "-" + Integer.toHexString(r.endServiceCode()
                    .getAsInt()).toUpperCase(java.util.Locale.ROOT) : r.serviceCode().orElseThrow().toString());
        }
        assertThat(nodes).containsExactly("0000-FFFE", "1000-13FF", "1011", "1017", "104D", "1088", "10CB");
        assertThat(execute(new SearchServiceCodeCommand(IDM, 0xFFFF), SearchServiceCodeResponse.class).isEnd()).isTrue();
        assertThat(answer(withLen("0A" + IDM + "0700"))).isEqualTo("0C0B" + IDM + "FFFF");
        assertThat(answer(withLen("0A" + IDM + "0200"))).isEqualTo("0C0B" + IDM + "1110");
        assertThat(answer(withLen("0A" + IDM + "0100"))).isEqualTo("0E0B" + IDM + "0010FF13");
        SearchServiceCodeResponse other = execute(new SearchServiceCodeCommand(IDM1, 1), SearchServiceCodeResponse.class);
        assertThat(other.serviceCode()).contains(COMMON_INFO);
    }

    @Test
    void requestSystemCodeListsEverySystem() {
        assertThat(execute(new RequestSystemCodeCommand(IDM1), RequestSystemCodeResponse.class).systemCodes())
                .containsExactly(TRANSIT_SYSTEM, COMMON_SYSTEM);
        assertThat(answer(withLen("0C" + IDM))).isEqualTo("0F0D" + IDM + "020003FE00");
    }

    @Test
    void specificationVersionWhenTheImageHasOne() {
        RequestSpecificationVersionResponse r = execute(new RequestSpecificationVersionCommand(IDM),
                RequestSpecificationVersionResponse.class);
        assertThat(r.version()).contains(SpecificationVersion.of(FelicaVersion.of(3, 0, 0)));
        VirtualFelicaCard silent = VirtualFelicaCard.of(CardImage.builder().idm(IDM)
                .system(TRANSIT_SYSTEM, s -> s.service(PURSE, 1)).build());
        assertThat(silent.execute(new RequestSpecificationVersionCommand(IDM))).isEmpty();
    }

    @Test
    void resetMode() {
        ResetModeResponse r = execute(new ResetModeCommand(IDM), ResetModeResponse.class);
        assertThat(status(r)).isEqualTo("00 00");
        assertThat(card.mode()).isZero();
    }

    @Test
    void framesWithoutLen() {
        byte[] bare = card.transceiveWithoutLength(hex("00FFFF0100")).orElseThrow();
        assertThat(HEX.formatHex(bare)).isEqualTo("01" + IDM + CardImage.DEFAULT_PMM + "0003");
        assertThat(card.transceiveWithoutLength(new byte[0])).isEmpty();
        assertThat(card.transceiveWithoutLength(new byte[255])).isEmpty();
    }

    @Test
    void directBlockAccessForTestsAndServers() {
        assertThat(card.blockCount(TRANSIT_SYSTEM, HISTORY)).isEqualTo(10);
        assertThat(card.blockCount(TRANSIT_SYSTEM, PURSE_READ_ONLY)).isEqualTo(1);
        card.writeBlock(TRANSIT_SYSTEM, PROTECTED, 1, block(5));
        assertThat(card.readBlock(TRANSIT_SYSTEM, PROTECTED, 1)).containsOnly(5);
        byte[] copy = card.readBlock(TRANSIT_SYSTEM, PROTECTED, 1);
        copy[0] = 0;
        assertThat(card.readBlock(TRANSIT_SYSTEM, PROTECTED, 1)).containsOnly(5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> card.readBlock(SystemCode.NDEF, PURSE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no system 12FC");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> card.readBlock(TRANSIT_SYSTEM, COMMON_INFO, 0))
                .hasMessageContaining("no service 004B");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> card.readBlock(TRANSIT_SYSTEM, HISTORY, 10))
                .hasMessageContaining("blocks 0–9");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> card.writeBlock(TRANSIT_SYSTEM, HISTORY, 0,
                new byte[15])).hasMessageContaining("16 bytes");
        assertThat(card.idm()).isEqualTo(IDM);
        assertThat(card.idm(COMMON_SYSTEM)).isEqualTo(IDM1);
        assertThat(card.pmm()).isEqualTo(CardImage.DEFAULT_PMM);
        assertThat(card.systemCodes()).containsExactly(TRANSIT_SYSTEM, COMMON_SYSTEM);
    }

    @Test
    void snapshotCapturesTheCurrentContents() {
        writeStatus(PURSE, 0, 0, PurseBlock.of(777).toBytes());
        writeStatus(HISTORY, 0, 0, block(4));
        CardImage image = card.snapshot();
        VirtualFelicaCard copy = VirtualFelicaCard.of(image);
        assertThat(PurseBlock.parse(copy.readBlock(TRANSIT_SYSTEM, PURSE_READ_ONLY, 0)).balance()).isEqualTo(777);
        assertThat(copy.readBlock(TRANSIT_SYSTEM, HISTORY, 0)).containsOnly(4);
        assertThat(copy.idm(COMMON_SYSTEM)).isEqualTo(IDM1);
        assertThat(image.specificationVersion()).isEqualTo(card.initialImage().specificationVersion());
        // The copy is independent.
        copy.writeBlock(TRANSIT_SYSTEM, PURSE, 0, PurseBlock.of(1).toBytes());
        assertThat(PurseBlock.parse(card.readBlock(TRANSIT_SYSTEM, PURSE, 0)).balance()).isEqualTo(777);
        assertThat(PurseBlock.parse(card.initialImage().system(TRANSIT_SYSTEM).orElseThrow().service(PURSE)
                .orElseThrow().blocks().get(0)).balance()).isEqualTo(500);
    }
}
