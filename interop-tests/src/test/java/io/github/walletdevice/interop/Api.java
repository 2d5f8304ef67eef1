package io.github.walletdevice.interop;

import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.CardContents;
import io.github.walletdevice.gateway.Operation;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.StatusCode;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.thredd.TokenRef;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls the tests make, one logical call each, every one with identifiers of its own so that its request body
 * is unique. A call that does not end as a healthy server's answer promises throws.
 */
enum Api {
    /** Device Gateway getCardCommands (a top-up's first call). */
    GATEWAY_CARD(1) {
        @Override
        void call(Clients c) {
            check(c.gateway().getCardCommands(CardCommandsRequest.builder().issuerId("ISSUER01").cardId("CARD-0001")
                    .purchaseId("P-" + ID.incrementAndGet()).deviceId("DEVICE-42").operation(Operation.TOPUP)
                    .build()).commands().size() == 1);
        }
    },
    /** Device Gateway getParkCardCommands. */
    GATEWAY_PARK(1) {
        @Override
        void call(Clients c) {
            check(c.gateway().getParkCardCommands(ParkCardCommandsRequest.builder().issuerId("ISSUER01")
                    .cardId("CARD-" + ID.incrementAndGet()).deviceId("DEVICE-42").operation(Operation.PARK_CARD)
                    .build()).statusCode() == StatusCode.OK);
        }
    },
    /** Device Gateway getReaderModeCommands. */
    GATEWAY_READER_MODE(1) {
        @Override
        void call(Clients c) {
            check(c.gateway().getReaderModeCommands(ReaderModeCommandsRequest.builder().issuerId("ISSUER01")
                    .deviceId("DEVICE-" + ID.incrementAndGet()).operation(Operation.READER_MODE)
                    .cardContents(CardContents.builder().cardServiceId("Interop").systemCode("0003")
                            .idm(CardImages.TRANSIT_IDM).pmm("100B4B428485D0FF").addArea("1000", "0000").build())
                    .build()).statusCode() == StatusCode.OK);
        }
    },
    /** A whole command session on the virtual card: the server's read of the purse, then its final answer. */
    GATEWAY_SESSION(2) {
        @Override
        void call(Clients c) {
            SessionResult r = c.gateway().session(VirtualCardExecutor.sampleTransitCard()).build()
                    .run(CardCommandsRequest.builder().issuerId("ISSUER01").cardId("CARD-0001")
                            .purchaseId("S-" + ID.incrementAndGet()).deviceId("DEVICE-42")
                            .operation(Operation.TOPUP).build())
                    .orThrow();
            check(r.rounds() == 2 && Long.valueOf(500).equals(r.balance()));
        }
    },
    /** Thredd list (read-only: retried by default). */
    THREDD_LIST(1) {
        @Override
        void call(Clients c) {
            check(c.thredd().tokenDevices().list(TokenRef.ofDpan(Clients.DPAN)).devices().size() == 1);
        }
    },
    /** Thredd unbind (never retried once sent). */
    THREDD_UNBIND(1) {
        @Override
        void call(Clients c) {
            check("000".equals(c.thredd().tokenDevices().unbind(TokenRef.ofDpan(Clients.DPAN), "1").actionCodeRaw()));
        }
    };

    private static final AtomicLong ID = new AtomicLong();

    /** Requests one call sends to a healthy server. */
    final int requestsPerCall;

    Api(int requestsPerCall) {
        this.requestsPerCall = requestsPerCall;
    }

    /** Makes one call; throws what the SDK throws, or an {@link AssertionError} on an unexpected answer. */
    abstract void call(Clients c);

    private static void check(boolean answeredAsServed) {
        if (!answeredAsServed) {
            throw new AssertionError("The call ended without the answer the server gave");
        }
    }
}
