package io.github.walletdevice.examples.tes;

import io.github.walletdevice.felica.FelicaCommand;
import io.github.walletdevice.felica.FelicaDecoder;
import io.github.walletdevice.felica.FelicaFormatException;
import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.StatusFlagResponse;
import io.github.walletdevice.gateway.Command;
import io.github.walletdevice.gateway.CommandResponse;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation in progress on one device: which flow, where it is, the commands it is waiting for and what it
 * learnt from the card so far. Guarded by the TES's lock.
 */
final class TesSession {
    final GatewayApi api;
    final String deviceId;
    final String cardId;
    final Instant started;
    final TesFlow flow;
    private final Map<String, FelicaCommand> pending = new LinkedHashMap<>();
    private int nextCommandId = 1;
    int step;
    Idm idm;
    long balanceBefore;
    long balanceAfter;
    int executionId;

    TesSession(GatewayApi api, String deviceId, String cardId, Instant started, TesFlow flow) {
        this.api = api;
        this.deviceId = deviceId;
        this.cardId = cardId;
        this.started = started;
        this.flow = flow;
    }

    /** Sends FeliCa commands to the card: they become the answer's {@code commands}, awaited next round. */
    List<Command> send(FelicaCommand... commands) {
        pending.clear();
        List<Command> out = new ArrayList<>(commands.length);
        for (FelicaCommand c : commands) {
            String id = Integer.toString(nextCommandId++);
            pending.put(id, c);
            out.add(Command.of(id, c.encode()));
        }
        return out;
    }

    /**
     * The card's answers to the commands sent last round, in order, decoded and checked against them. A missing
     * answer is an incomplete operation (323); bytes that do not answer the command are a bad parameter (112).
     */
    List<FelicaResponse> answers(List<CommandResponse> responses) {
        Map<String, CommandResponse> byId = new LinkedHashMap<>();
        for (CommandResponse r : responses) {
            byId.putIfAbsent(r.commandId(), r);
        }
        List<FelicaResponse> out = new ArrayList<>(pending.size());
        for (Map.Entry<String, FelicaCommand> e : pending.entrySet()) {
            CommandResponse r = byId.get(e.getKey());
            if (r == null) {
                throw new TesFailure(GatewayStatus.OPERATION_INCOMPLETE, "No response to command " + e.getKey()
                        + " (" + e.getValue().name() + ")");
            }
            try {
                out.add(FelicaDecoder.decodeResponse(r.frame(), e.getValue()));
            } catch (FelicaFormatException ex) {
                throw new TesFailure(GatewayStatus.BAD_PARAMETER_FORMAT, "The response to command " + e.getKey()
                        + " is not a FeliCa answer to " + e.getValue().name() + ": " + ex.reason());
            }
        }
        pending.clear();
        return out;
    }

    /** Fails the operation when the card refused a read or write (status flags other than 00 00). */
    static <T extends StatusFlagResponse> T checked(T response, String what) {
        if (!response.statusFlag1().isSuccess()) {
            GatewayStatus status = response.statusFlag2().value() == 0xA6 || response.statusFlag2().value() == 0xA5
                    ? GatewayStatus.UNSUPPORTED_SERVICE : GatewayStatus.OPERATION_FAILED;
            throw new TesFailure(status, "The card refused to " + what + ": status " + response.statusFlag1() + " "
                    + response.statusFlag2() + " (" + response.statusFlag2().meaning() + ")");
        }
        return response;
    }
}
