package io.github.walletdevice.gateway.server;

import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.PollingResponse;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.ReaderModeCommandsResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The TES the tests serve: every operation polls the transit system (reader mode addresses the IDm of
 * {@code cardContents} when given) and reads the purse, then answers its balance. A card call for a device whose id
 * starts with {@code BROKEN} makes the handler fail with a message holding a would-be secret.
 */
final class TestTes {
    static final String SECRET = "jdbc:secret-password-42";

    final MutableClock clock = new MutableClock();
    final List<GatewayRequest<?>> seen = new CopyOnWriteArrayList<>();
    final GatewayServer server;

    TestTes() {
        server = GatewayServer.builder().clock(clock).ttl(Duration.ofMinutes(2))
                .cardCommands((request, session) -> {
                    seen.add(request);
                    if (request.deviceId().startsWith("BROKEN")) {
                        throw new IllegalStateException("database down: " + SECRET);
                    }
                    return session.round() == 1
                            ? CardCommandsResponse.withCommands(session.commands(PollingCommand.of(CardImages.TRANSIT_SYSTEM)))
                            : session.round() == 2
                                    ? CardCommandsResponse.withCommands(readPurse(session))
                                    : CardCommandsResponse.completed(balance(session));
                })
                .parkCardCommands((request, session) -> {
                    seen.add(request);
                    return session.round() == 1
                            ? CardCommandsResponse.withCommands(session.commands(PollingCommand.of(CardImages.TRANSIT_SYSTEM)))
                            : session.round() == 2
                                    ? CardCommandsResponse.withCommands(readPurse(session))
                                    : CardCommandsResponse.completed(balance(session));
                })
                .readerModeCommands((request, session) -> {
                    seen.add(request);
                    if (session.round() == 1) {
                        Idm idm = request.cardContents() == null || request.cardContents().idm() == null
                                ? CardImages.TRANSIT_IDM : Idm.parse(request.cardContents().idm());
                        return ReaderModeCommandsResponse.withCommands(session.commands(
                                ReadWithoutEncryptionCommand.of(idm, CardImages.PURSE, 0)));
                    }
                    return ReaderModeCommandsResponse.completed(balance(session), "ACC-" + request.deviceId());
                })
                .build();
    }

    private static List<io.github.walletdevice.gateway.Command> readPurse(GatewaySession session) {
        Idm idm = session.answer(0, PollingResponse.class).idm();
        return session.commands(ReadWithoutEncryptionCommand.of(idm, CardImages.PURSE, 0));
    }

    private static long balance(GatewaySession session) {
        return PurseBlock.parse(session.answer(0, ReadWithoutEncryptionResponse.class).block(0)).balance();
    }
}
