package io.github.walletdevice.gateway;

import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.WriteWithoutEncryptionCommand;
import io.github.walletdevice.felica.emulator.CardImages;
import java.util.HexFormat;

/** Requests and FeliCa frames shared by the tests. */
final class Fixtures {
    static final Idm IDM = CardImages.TRANSIT_IDM;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Fixtures() {
    }

    static CardCommandsRequest topUp() {
        return CardCommandsRequest.builder().issuerId("ISSUER01").cardId("CARD-0001").purchaseId("PURCHASE-1")
                .deviceId("DEVICE-42").operation(Operation.TOPUP).build();
    }

    static ParkCardCommandsRequest park() {
        return ParkCardCommandsRequest.builder().issuerId("ISSUER01").cardId("CARD-0001").deviceId("DEVICE-42")
                .operation(Operation.PARK_CARD).build();
    }

    static ReaderModeCommandsRequest readerMode() {
        return ReaderModeCommandsRequest.builder().issuerId("ISSUER01").deviceId("DEVICE-42")
                .operation(Operation.READER_MODE)
                .cardContents(CardContents.builder().cardServiceId("Test Service").systemCode("0003")
                        .idm(IDM).pmm("100B4B428485D0FF").addArea("1000", "0000").build())
                .build();
    }

    static String readPurse() {
        return HEX.formatHex(ReadWithoutEncryptionCommand.of(IDM, CardImages.PURSE, 0).encode());
    }

    static String readCardInfo() {
        return HEX.formatHex(ReadWithoutEncryptionCommand.of(IDM, CardImages.CARD_INFO, 0).encode());
    }

    static String writePurse(long balance) {
        return HEX.formatHex(WriteWithoutEncryptionCommand.of(IDM, CardImages.PURSE, 0,
                PurseBlock.of(balance).toBytes()).encode());
    }

    static String writeHistory(byte[] record) {
        return HEX.formatHex(WriteWithoutEncryptionCommand.of(IDM, CardImages.HISTORY, 0, record).encode());
    }

    /** A read addressed to another card's IDm: the virtual card stays silent, as a real one would. */
    static String readOtherCard() {
        return HEX.formatHex(ReadWithoutEncryptionCommand.of(Idm.parse("0102030405060708"), CardImages.PURSE, 0)
                .encode());
    }

    static String commands(String... idAndHex) {
        StringBuilder sb = new StringBuilder("{\"statusCode\":0,\"statusMessage\":\"OK\",\"commands\":[");
        for (int i = 0; i < idAndHex.length; i += 2) {
            sb.append(i == 0 ? "" : ",").append("{\"commandId\":\"").append(idAndHex[i]).append("\",\"command\":\"")
                    .append(idAndHex[i + 1]).append("\"}");
        }
        return sb.append("]}").toString();
    }
}
