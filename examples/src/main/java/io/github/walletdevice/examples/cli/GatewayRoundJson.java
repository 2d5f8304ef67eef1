package io.github.walletdevice.examples.cli;

import io.github.walletdevice.felica.FelicaFormatException;
import io.github.walletdevice.felica.FelicaFrameDescriber;
import io.github.walletdevice.gateway.Command;
import io.github.walletdevice.gateway.CommandResponse;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.ReaderModeCommandsResponse;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.SessionRound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON objects {@code walletdevice gateway run} prints: one per round, then the result. */
final class GatewayRoundJson {
    private GatewayRoundJson() {
    }

    /**
     * One round: what was sent (the previous commands' responses), what the TES answered (the next commands), each
     * frame explained by the FeliCa codec.
     */
    static Map<String, Object> round(SessionRound round) {
        GatewayRequest<?> sent = round.request();
        Map<String, Object> request = new LinkedHashMap<>();
        putIfPresent(request, "statusCode", sent.statusCode() == null ? null : sent.statusCode().code());
        putIfPresent(request, "statusMessage", sent.statusMessage());
        putIfPresent(request, "responseTimeMs", sent.responseTimeMs());
        if (!sent.responses().isEmpty()) {
            List<Map<String, Object>> responses = new ArrayList<>();
            for (CommandResponse r : sent.responses()) {
                responses.add(frame("commandId", r.commandId(), "response", r.response(), r.frame()));
            }
            request.put("responses", responses);
        }
        GatewayResponse answer = round.response();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("statusCode", answer.statusCode().code());
        putIfPresent(reply, "statusMessage", answer.statusMessage());
        if (!answer.commands().isEmpty()) {
            List<Map<String, Object>> commands = new ArrayList<>();
            for (Command c : answer.commands()) {
                commands.add(frame("commandId", c.commandId(), "command", c.command(), c.frame()));
            }
            reply.put("commands", commands);
        }
        putIfPresent(reply, "balance", answer.balance());
        if (answer instanceof ReaderModeCommandsResponse r) {
            putIfPresent(reply, "cardAccountId", r.cardAccountId());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("round", round.number());
        out.put("operation", sent.api().operationName());
        out.put("sent", request);
        out.put("answer", reply);
        return out;
    }

    /** The result, as the design fixes it: statusCode, statusMessage, rounds, balance, cardAccountId. */
    static Map<String, Object> result(SessionResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", result.lastStatus().code());
        putIfPresent(out, "statusMessage", result.lastStatusMessage());
        out.put("rounds", result.rounds());
        putIfPresent(out, "balance", result.balance());
        putIfPresent(out, "cardAccountId", result.cardAccountId());
        return out;
    }

    private static Map<String, Object> frame(String idKey, String id, String hexKey, String hex, byte[] bytes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(idKey, id);
        m.put(hexKey, hex);
        String explained;
        try {
            explained = FelicaFrameDescriber.explain(bytes);
        } catch (FelicaFormatException e) {
            explained = "not a valid FeliCa frame: " + e.getMessage();
        }
        m.put("explained", explained);
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
