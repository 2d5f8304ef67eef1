package io.github.walletdevice.felica;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** At least two instances of every command and response type, covering their optional parts. */
final class SampleFrames {

    static final Idm IDM = Idm.parse("0123456789ABCDEF");
    static final Pmm PMM = Pmm.parse("100B4B428485D0FF");

    private SampleFrames() {
    }

    static byte[] block(int seed) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + 7 * i);
        }
        return b;
    }

    static List<FelicaCommand<?>> commands() {
        List<FelicaCommand<?>> c = new ArrayList<>();
        c.add(PollingCommand.of(SystemCode.WILDCARD));
        c.add(new PollingCommand(SystemCode.of(0x0003), RequestCode.SYSTEM_CODE, TimeSlot.SLOTS_16));
        c.add(new PollingCommand(SystemCode.of(0x12FC), RequestCode.COMMUNICATION_PERFORMANCE, TimeSlot.SLOTS_4));
        c.add(RequestServiceCommand.of(IDM, NodeCode.SYSTEM, NodeCode.of(0x1000), NodeCode.of(0x090F)));
        List<NodeCode> many = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            many.add(NodeCode.of(i * 0x40 + 0x09));
        }
        c.add(new RequestServiceCommand(IDM, many));
        c.add(new RequestResponseCommand(IDM));
        c.add(ReadWithoutEncryptionCommand.of(IDM, ServiceCode.of(0x090F), 0, 1));
        c.add(new ReadWithoutEncryptionCommand(IDM, List.of(ServiceCode.of(0x000B), ServiceCode.of(0x108F)),
                List.of(BlockListElement.of(0, 0), BlockListElement.of(1, 3, 0x1234),
                        new BlockListElement(1, 0, 1, true), BlockListElement.of(0, 255))));
        List<BlockListElement> fifteen = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            fifteen.add(BlockListElement.of(0, i));
        }
        c.add(new ReadWithoutEncryptionCommand(IDM, List.of(ServiceCode.of(0x090F)), fifteen));
        c.add(WriteWithoutEncryptionCommand.of(IDM, ServiceCode.of(0x0009), 0, block(1)));
        c.add(WriteWithoutEncryptionCommand.of(IDM, List.of(ServiceCode.of(0x1011), ServiceCode.of(0x104D)),
                List.of(BlockListElement.of(0, 0), BlockListElement.of(1, 0), BlockListElement.of(1, 1, 300)),
                List.of(block(2), block(3), block(4))));
        c.add(new SearchServiceCodeCommand(IDM, 0));
        c.add(new SearchServiceCodeCommand(IDM, 0x1234));
        c.add(new RequestSystemCodeCommand(IDM));
        c.add(new RequestBlockInformationCommand(IDM, List.of(NodeCode.of(0x090F), NodeCode.of(0x1000))));
        c.add(new Authentication1Command(IDM, List.of(AreaCode.ROOT, AreaCode.of(0x1000)),
                List.of(ServiceCode.of(0x1008)), bytes(8, 1)));
        c.add(new Authentication1Command(IDM, List.of(), List.of(ServiceCode.of(0x1008)), bytes(8, 2)));
        c.add(new Authentication2Command(IDM, bytes(8, 3)));
        c.add(new GetNodePropertyCommand(IDM, GetNodePropertyCommand.VALUE_LIMITED_PURSE,
                List.of(NodeCode.of(0x1011))));
        c.add(new GetNodePropertyCommand(IDM, GetNodePropertyCommand.MAC_COMMUNICATION,
                List.of(NodeCode.of(0x1011), NodeCode.of(0x104D))));
        c.add(new RequestServiceV2Command(IDM, List.of(NodeCode.of(0x1011))));
        c.add(new GetSystemStatusCommand(IDM));
        c.add(new RequestSpecificationVersionCommand(IDM));
        c.add(new ResetModeCommand(IDM));
        c.add(new GetContainerIdCommand());
        c.add(new UnknownCommand(0x14, bytes(20, 4)));
        c.add(new UnknownCommand(0xF0, new byte[] {0x00, 1, 2, 3}));
        c.add(new UnknownCommand(0x40, new byte[0]));
        return c;
    }

    static List<FelicaResponse> responses() {
        List<FelicaResponse> r = new ArrayList<>();
        r.add(PollingResponse.of(IDM, PMM));
        r.add(new PollingResponse(IDM, PMM, OptionalInt.of(0x0003)));
        r.add(new PollingResponse(IDM, PMM, OptionalInt.of(0x0083)));
        r.add(new RequestServiceResponse(IDM, List.of(KeyVersion.of(0), KeyVersion.MISSING_NODE)));
        r.add(new RequestResponseResponse(IDM, 0));
        r.add(new RequestResponseResponse(IDM, 3));
        r.add(ReadWithoutEncryptionResponse.success(IDM, List.of(block(1))));
        List<byte[]> twelve = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add(block(i));
        }
        r.add(ReadWithoutEncryptionResponse.success(IDM, twelve));
        r.add(ReadWithoutEncryptionResponse.error(IDM, StatusFlag1.of(1), StatusFlag2.NODE_NOT_FOUND));
        r.add(new ReadWithoutEncryptionResponse(IDM, StatusFlag1.SUCCESS, StatusFlag2.REWRITE_COUNT_EXCEEDED,
                block(5)));
        r.add(new WriteWithoutEncryptionResponse(IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS));
        r.add(new WriteWithoutEncryptionResponse(IDM, StatusFlag1.GLOBAL_ERROR, StatusFlag2.REWRITE_COUNT_EXCEEDED));
        r.add(SearchServiceCodeResponse.service(IDM, ServiceCode.of(0x090F)));
        r.add(SearchServiceCodeResponse.area(IDM, AreaCode.of(0x1000), 0x13FF));
        r.add(SearchServiceCodeResponse.end(IDM));
        r.add(new RequestSystemCodeResponse(IDM, List.of(SystemCode.of(0x0003), SystemCode.of(0xFE00))));
        r.add(new RequestBlockInformationResponse(IDM, List.of(10, 0xFFFF)));
        r.add(new Authentication1Response(IDM, bytes(8, 5), bytes(8, 6)));
        r.add(new Authentication2Response(bytes(32, 7)));
        r.add(new GetNodePropertyResponse(IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS, 2, bytes(20, 8)));
        r.add(new GetNodePropertyResponse(IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS, 2, bytes(2, 9)));
        r.add(new GetNodePropertyResponse(IDM, StatusFlag1.of(1), StatusFlag2.NODE_NOT_FOUND, 0, new byte[0]));
        r.add(new RequestServiceV2Response(IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS, 0x4F,
                List.of(KeyVersion.of(1)), List.of()));
        r.add(new RequestServiceV2Response(IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS, 0x43,
                List.of(KeyVersion.of(1), KeyVersion.of(2)), List.of(KeyVersion.of(3), KeyVersion.of(4))));
        r.add(new RequestServiceV2Response(IDM, StatusFlag1.GLOBAL_ERROR, StatusFlag2.ILLEGAL_SERVICE_COUNT, 0,
                List.of(), List.of()));
        r.add(new GetSystemStatusResponse(IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS, 1, bytes(3, 10)));
        r.add(new GetSystemStatusResponse(IDM, StatusFlag1.GLOBAL_ERROR, StatusFlag2.MEMORY_ERROR, 0, new byte[0]));
        r.add(new RequestSpecificationVersionResponse(IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS,
                Optional.of(SpecificationVersion.of(FelicaVersion.of(5, 0, 0), FelicaVersion.of(1, 0, 0),
                        FelicaVersion.of(2, 4, 6)))));
        r.add(new RequestSpecificationVersionResponse(IDM, StatusFlag1.GLOBAL_ERROR, StatusFlag2.of(0xA4),
                Optional.empty()));
        r.add(new ResetModeResponse(IDM, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS));
        r.add(new GetContainerIdResponse(Idm.parse("0011223344556677")));
        r.add(new UnknownResponse(0x15, bytes(30, 11)));
        r.add(new UnknownResponse(0xFF, new byte[0]));
        return r;
    }

    static List<FelicaFrame> all() {
        List<FelicaFrame> all = new ArrayList<>(commands());
        all.addAll(responses());
        return all;
    }
}
