package io.github.walletdevice.examples;

import static io.github.walletdevice.felica.emulator.CardImages.PURSE;
import static io.github.walletdevice.felica.emulator.CardImages.TRANSIT_SYSTEM;

import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.PollingResponse;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.WriteWithoutEncryptionCommand;
import io.github.walletdevice.felica.WriteWithoutEncryptionResponse;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.ReaderModeCommandsResponse;
import io.github.walletdevice.gateway.server.GatewayHttpServer;
import io.github.walletdevice.gateway.server.GatewayServer;
import io.github.walletdevice.gateway.server.GatewaySession;

/**
 * A whole TES on the server toolkit: tops a card up by 100, parks a card, ingests a card in reader mode. The toolkit
 * reads requests strictly, keeps the sessions, matches and decodes the card's answers and turns card errors into
 * status codes; the handlers only say which FeliCa commands to send and what to answer.
 */
public final class MinimalTesExample {
    private MinimalTesExample() {
    }

    /**
     * The TES.
     *
     * @return a server for the three operations
     */
    public static GatewayServer tes() {
        return GatewayServer.builder()
                .cardCommands((request, s) -> switch (s.round()) {
                    case 1 -> CardCommandsResponse.withCommands(s.commands(PollingCommand.of(TRANSIT_SYSTEM)));
                    case 2 -> CardCommandsResponse.withCommands(s.commands(readPurse(polledIdm(s))));
                    case 3 -> {
                        PurseBlock purse = PurseBlock.parse(s.answer(0, ReadWithoutEncryptionResponse.class).block(0));
                        s.put("balance", purse.balance() + 100);
                        yield CardCommandsResponse.withCommands(s.commands(WriteWithoutEncryptionCommand.of(
                                s.get("idm", Idm.class), PURSE, 0, purse.withBalance(purse.balance() + 100)
                                        .withExecutionId(purse.executionId() + 1).toBytes())));
                    }
                    default -> {
                        s.answer(0, WriteWithoutEncryptionResponse.class);
                        yield CardCommandsResponse.completed(s.get("balance", Long.class));
                    }
                })
                .parkCardCommands((request, s) -> switch (s.round()) {
                    case 1 -> CardCommandsResponse.withCommands(s.commands(PollingCommand.of(TRANSIT_SYSTEM)));
                    case 2 -> CardCommandsResponse.withCommands(s.commands(readPurse(polledIdm(s))));
                    default -> CardCommandsResponse.completed(balance(s));
                })
                .readerModeCommands((request, s) -> switch (s.round()) {
                    case 1 -> ReaderModeCommandsResponse.withCommands(s.commands(PollingCommand.of(TRANSIT_SYSTEM)));
                    case 2 -> ReaderModeCommandsResponse.withCommands(s.commands(readPurse(polledIdm(s))));
                    default -> ReaderModeCommandsResponse.completed(balance(s), "ACC-" + s.get("idm", Idm.class));
                })
                .build();
    }

    private static Idm polledIdm(GatewaySession s) {
        Idm idm = s.answer(0, PollingResponse.class).idm();
        s.put("idm", idm);
        return idm;
    }

    private static ReadWithoutEncryptionCommand readPurse(Idm idm) {
        return ReadWithoutEncryptionCommand.of(idm, PURSE, 0);
    }

    private static long balance(GatewaySession s) {
        return PurseBlock.parse(s.answer(0, ReadWithoutEncryptionResponse.class).block(0)).balance();
    }

    /**
     * Serves the TES on 127.0.0.1 until the process is stopped.
     *
     * @param args the port, optional (default 8080)
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        GatewayHttpServer http = GatewayHttpServer.start(tes(), args.length > 0 ? Integer.parseInt(args[0]) : 8080);
        System.out.println("TES serving " + http.baseUrl() + GatewayServer.DEFAULT_BASE_PATH);
        Thread.currentThread().join();
    }
}
