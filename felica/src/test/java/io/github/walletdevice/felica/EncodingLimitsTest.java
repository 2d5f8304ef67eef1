package io.github.walletdevice.felica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Frames that the format cannot carry cannot be built, and the message names the limit. */
class EncodingLimitsTest {

    private static final Idm IDM = SampleFrames.IDM;

    private static <T> List<T> times(int n, T t) {
        return new ArrayList<>(Collections.nCopies(n, t));
    }

    @Test
    void servicesPerReadOrWrite() {
        List<BlockListElement> one = List.of(BlockListElement.of(0, 0));
        assertThatThrownBy(() -> new ReadWithoutEncryptionCommand(IDM, times(17, ServiceCode.of(9)), one))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1–16, got 17");
        assertThatThrownBy(() -> new ReadWithoutEncryptionCommand(IDM, List.of(), one))
                .hasMessageContaining("the number of services in Read Without Encryption must be 1–16, got 0");
        assertThatThrownBy(() -> new WriteWithoutEncryptionCommand(IDM, times(17, ServiceCode.of(9)), one,
                new byte[16])).hasMessageContaining("1–16, got 17");
        assertThat(new ReadWithoutEncryptionCommand(IDM, times(16, ServiceCode.of(9)), one).services()).hasSize(16);
    }

    @Test
    void blocksThatFit() {
        assertThatThrownBy(() -> new ReadWithoutEncryptionCommand(IDM, List.of(ServiceCode.of(9)),
                times(16, BlockListElement.of(0, 0)))).hasMessageContaining("blocks in Read Without Encryption must be 1–15");
        assertThatThrownBy(() -> new ReadWithoutEncryptionCommand(IDM, List.of(ServiceCode.of(9)), List.of()))
                .hasMessageContaining("got 0");
        // 13 blocks with one service and 2-byte elements fit 248 bytes; 14 do not.
        assertThat(new WriteWithoutEncryptionCommand(IDM, List.of(ServiceCode.of(9)),
                times(13, BlockListElement.of(0, 0)), new byte[13 * 16]).length()).isEqualTo(248);
        assertThatThrownBy(() -> new WriteWithoutEncryptionCommand(IDM, List.of(ServiceCode.of(9)),
                times(14, BlockListElement.of(0, 0)), new byte[14 * 16])).hasMessageContaining("1–13");
        // 16 services and 3-byte elements: 11 blocks fit 253 bytes, 12 would need 272.
        assertThat(new WriteWithoutEncryptionCommand(IDM, times(16, ServiceCode.of(9)),
                times(11, BlockListElement.of(0, 256)), new byte[11 * 16]).length()).isEqualTo(253);
        assertThatThrownBy(() -> new WriteWithoutEncryptionCommand(IDM, times(16, ServiceCode.of(9)),
                times(12, BlockListElement.of(0, 256)), new byte[12 * 16]))
                .hasMessageContaining("would be 272 bytes").hasMessageContaining("at most 255 bytes");
        assertThatThrownBy(() -> new WriteWithoutEncryptionCommand(IDM, List.of(ServiceCode.of(9)),
                List.of(BlockListElement.of(0, 0)), new byte[15])).hasMessageContaining("16 bytes per block");
        assertThatThrownBy(() -> ReadWithoutEncryptionResponse.success(IDM, times(16, new byte[16])))
                .hasMessageContaining("16 × (1–15)");
    }

    @Test
    void nodes() {
        assertThatThrownBy(() -> new RequestServiceCommand(IDM, times(33, NodeCode.SYSTEM)))
                .hasMessageContaining("node codes in Request Service must be 1–32, got 33");
        assertThatThrownBy(() -> new RequestServiceV2Command(IDM, List.of())).hasMessageContaining("1–32, got 0");
        assertThatThrownBy(() -> new RequestBlockInformationCommand(IDM, times(33, NodeCode.SYSTEM)))
                .hasMessageContaining("1–32");
        assertThatThrownBy(() -> new GetNodePropertyCommand(IDM, 0, times(17, NodeCode.SYSTEM)))
                .hasMessageContaining("node codes in Get Node Property must be 1–16, got 17");
        assertThatThrownBy(() -> new GetNodePropertyCommand(IDM, 2, List.of(NodeCode.SYSTEM)))
                .hasMessageContaining("target");
        assertThatThrownBy(() -> new RequestServiceResponse(IDM, times(33, KeyVersion.of(0))))
                .hasMessageContaining("1–32");
        assertThatThrownBy(() -> new Authentication1Command(IDM, times(120, AreaCode.ROOT), times(0, ServiceCode.of(9)),
                new byte[8])).hasMessageContaining("at most 255 bytes");
    }

    @Test
    void inconsistentResponses() {
        assertThatThrownBy(() -> new ReadWithoutEncryptionResponse(IDM, StatusFlag1.of(1), StatusFlag2.of(0xA6),
                new byte[16])).hasMessageContaining("carries no block data");
        assertThatThrownBy(() -> ReadWithoutEncryptionResponse.error(IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestSpecificationVersionResponse(IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS,
                Optional.empty())).hasMessageContaining("carries the version");
        assertThatThrownBy(() -> new RequestServiceV2Response(IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS, 0x43,
                List.of(KeyVersion.of(1)), List.of())).hasMessageContaining("needs 1 DES key versions");
        assertThatThrownBy(() -> new GetNodePropertyResponse(IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS, 2,
                new byte[3])).hasMessageContaining("2 or 20 bytes");
        assertThatThrownBy(() -> new GetSystemStatusResponse(IDM, StatusFlag1.of(1), StatusFlag2.SUCCESS, 1,
                new byte[0])).hasMessageContaining("ends after Status Flag 2");
        assertThatThrownBy(() -> new RequestResponseResponse(IDM, 4)).hasMessageContaining("0–3");
        assertThatThrownBy(() -> new UnknownResponse(0x15, new byte[254])).hasMessageContaining("at most 255 bytes");
        assertThatThrownBy(() -> new Authentication2Response(new byte[31])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SearchServiceCodeCommand(IDM, 0x10000)).hasMessageContaining("0–65535");
        assertThatThrownBy(() -> new BlockListElement(16, 0, 0, false)).hasMessageContaining("0–15");
        assertThatThrownBy(() -> new BlockListElement(0, 8, 0, false)).hasMessageContaining("0–7");
        assertThatThrownBy(() -> new BlockListElement(0, 0, 0x10000, false)).hasMessageContaining("0–65535");
        assertThatThrownBy(() -> new PollingCommand(null, RequestCode.NONE, TimeSlot.SLOTS_1))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RequestCode.of(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeSlot.of(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusFlag1.of(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServiceListOrderIsLeftForTheCardToCheck() {
        // A block naming service 3 of a 1-service list is a valid frame; the card answers A3.
        ReadWithoutEncryptionCommand c = new ReadWithoutEncryptionCommand(IDM, List.of(ServiceCode.of(9)),
                List.of(BlockListElement.of(3, 0)));
        assertThat(FelicaDecoder.decodeCommand(c.encode())).isEqualTo(c);
        // Services may repeat and come in any order (reference P13).
        ReadWithoutEncryptionCommand repeated = new ReadWithoutEncryptionCommand(IDM,
                List.of(ServiceCode.of(0x090F), ServiceCode.of(0x000B), ServiceCode.of(0x090F)),
                List.of(BlockListElement.of(2, 5), BlockListElement.of(0, 1)));
        assertThat(FelicaDecoder.decodeCommand(repeated.encode())).isEqualTo(repeated);
    }
}
