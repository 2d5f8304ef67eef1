package io.github.walletdevice.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.walletdevice.gateway.internal.GatewayMapper;
import java.io.IOException;
import java.util.Map;

/**
 * Writes the Device Gateway messages as JSON: modelled fields in the spec's order, then extensions; {@code null}s
 * are never written; an empty {@code responses}, {@code commands} or {@code areaCodeList} is left out. The single
 * place that decides the JSON form of each message (see {@link GatewayJson}).
 */
final class GatewayJsonWriter {
    private GatewayJsonWriter() {
    }

    /**
     * A request as JSON.
     *
     * @param request the request
     * @return UTF-8 JSON
     */
    static byte[] bytes(GatewayRequest<?> request) {
        return bytes(g -> write(request, g));
    }

    /**
     * An answer as JSON.
     *
     * @param response the answer
     * @return UTF-8 JSON
     */
    static byte[] bytes(GatewayResponse response) {
        return bytes(g -> write(response, g));
    }

    /**
     * A request as a JSON tree.
     *
     * @param request the request
     * @return a new tree
     */
    static ObjectNode tree(GatewayRequest<?> request) {
        return tree(g -> write(request, g));
    }

    /**
     * An answer as a JSON tree.
     *
     * @param response the answer
     * @return a new tree
     */
    static ObjectNode tree(GatewayResponse response) {
        return tree(g -> write(response, g));
    }

    /** Writes one message to a generator; the single place that decides the JSON form of each message. */
    private interface Writer {
        void to(JsonGenerator g) throws IOException;
    }

    // Straight to bytes, with no tree in between: every call of the client writes a request.
    private static byte[] bytes(Writer writer) {
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator g = GatewayMapper.MAPPER.createGenerator(out)) {
            writer.to(g);
        } catch (IOException e) {
            // Plain values and nodes into memory always serialise; anything else is a bug here.
            throw new IllegalStateException("Could not write JSON: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static ObjectNode tree(Writer writer) {
        try (TokenBuffer buffer = new TokenBuffer(GatewayMapper.MAPPER, false)) {
            writer.to(buffer);
            return (ObjectNode) GatewayMapper.MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new IllegalStateException("Could not write JSON: " + e.getMessage(), e);
        }
    }

    private static void write(GatewayRequest<?> request, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("issuerId", request.issuerId());
        if (request instanceof CardCommandsRequest r) {
            g.writeStringField("cardId", r.cardId());
            writeText(g, "purchaseId", r.purchaseId());
        } else if (request instanceof ParkCardCommandsRequest r) {
            g.writeStringField("cardId", r.cardId());
        }
        g.writeStringField("deviceId", request.deviceId());
        if (request.operation() != null) {
            g.writeStringField("operation", request.operation().value());
        }
        if (request.responseTimeMs() != null) {
            g.writeNumberField("responseTimeMs", request.responseTimeMs());
        }
        if (request instanceof ReaderModeCommandsRequest r && r.cardContents() != null) {
            g.writeFieldName("cardContents");
            write(r.cardContents(), g);
        }
        if (request.statusCode() != null) {
            g.writeNumberField("statusCode", request.statusCode().code());
        }
        writeText(g, "statusMessage", request.statusMessage());
        if (!request.responses().isEmpty()) {
            g.writeArrayFieldStart("responses");
            for (CommandResponse r : request.responses()) {
                writeItem(g, "commandId", r.commandId(), "response", r.response(), r.extensions());
            }
            g.writeEndArray();
        }
        writeExtensions(g, request.extensions());
        g.writeEndObject();
    }

    private static void write(GatewayResponse response, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("statusCode", response.statusCode().code());
        writeText(g, "statusMessage", response.statusMessage());
        if (!response.commands().isEmpty()) {
            g.writeArrayFieldStart("commands");
            for (Command c : response.commands()) {
                writeItem(g, "commandId", c.commandId(), "command", c.command(), c.extensions());
            }
            g.writeEndArray();
        }
        if (response.balanceValue() != null) {
            g.writeFieldName("balance");
            g.writeTree(response.balanceValue());
        }
        if (response instanceof ReaderModeCommandsResponse r) {
            writeText(g, "cardAccountId", r.cardAccountId());
        }
        writeExtensions(g, response.extensions());
        g.writeEndObject();
    }

    private static void write(CardContents c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        writeText(g, "cardServiceId", c.cardServiceId());
        writeText(g, "systemCode", c.systemCode());
        writeText(g, "idm", c.idm());
        writeText(g, "pmm", c.pmm());
        if (!c.areaCodeList().isEmpty()) {
            g.writeArrayFieldStart("areaCodeList");
            for (AreaCodeEntry e : c.areaCodeList()) {
                writeItem(g, "areaCode", e.areaCode(), "keyVersion", e.keyVersion(), e.extensions());
            }
            g.writeEndArray();
        }
        writeExtensions(g, c.extensions());
        g.writeEndObject();
    }

    /** An array item: two text fields, then its extensions. */
    private static void writeItem(JsonGenerator g, String firstName, String first, String secondName, String second,
            Map<String, JsonNode> extensions) throws IOException {
        g.writeStartObject();
        g.writeStringField(firstName, first);
        g.writeStringField(secondName, second);
        writeExtensions(g, extensions);
        g.writeEndObject();
    }

    private static void writeText(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    // A null or missing node means absent; the rest are written as they are, never copied.
    private static void writeExtensions(JsonGenerator g, Map<String, JsonNode> extensions) throws IOException {
        for (Map.Entry<String, JsonNode> e : extensions.entrySet()) {
            if (!e.getValue().isNull() && !e.getValue().isMissingNode()) {
                g.writeFieldName(e.getKey());
                g.writeTree(e.getValue());
            }
        }
    }
}
