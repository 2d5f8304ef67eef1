package io.github.walletdevice.examples.check;

import static io.github.walletdevice.examples.check.ConformanceCheck.rule;
import static io.github.walletdevice.examples.check.ConformanceCheck.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayJson;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Requests the client refuses to send, made by hand from a valid one: a TES must read requests strictly and answer
 * 111 for a missing mandatory field or header, 112 for a bad format. Should the TES start an operation instead, the
 * check ends it.
 */
final class RequestChecks {
    /** U+1D7D8 MATHEMATICAL DOUBLE-STRUCK DIGIT ZERO: one code point, two UTF-16 units. */
    private static final int MATHEMATICAL_ZERO = 0x1D7D8;

    private RequestChecks() {
    }

    static List<ConformanceCheck> all() {
        GatewayStatus missing = GatewayStatus.MISSING_MANDATORY_PARAMETER;
        GatewayStatus format = GatewayStatus.BAD_PARAMETER_FORMAT;
        return List.of(
                header("header-actor-id-missing", "getCardCommands without the x-actor-id header",
                        "header x-actor-id: required", missing, null),
                header("header-actor-id-too-long", "getCardCommands with an x-actor-id of 33 characters",
                        "header x-actor-id: string, maxLength 32", format, "A".repeat(33)),
                field("field-issuer-id-missing", "getCardCommands without issuerId",
                        "getCardCommandsReq.issuerId: required", missing, body -> body.remove("issuerId")),
                field("field-card-id-missing", "getCardCommands without cardId",
                        "getCardCommandsReq.cardId: required", missing, body -> body.remove("cardId")),
                field("field-device-id-missing", "getCardCommands without deviceId",
                        "getCardCommandsReq.deviceId: required", missing, body -> body.remove("deviceId")),
                field("field-issuer-id-too-long", "getCardCommands with an issuerId of 17 characters",
                        "getCardCommandsReq.issuerId: string, 1-16", format,
                        body -> body.put("issuerId", longer(body.get("issuerId").textValue(), 17))),
                field("field-card-id-too-long", "getCardCommands with a cardId of 49 characters",
                        "getCardCommandsReq.cardId: string, 1-48", format,
                        body -> body.put("cardId", longer(body.get("cardId").textValue(), 49))),
                field("field-device-id-too-long", "getCardCommands with a deviceId of 49 characters",
                        "getCardCommandsReq.deviceId: string, 1-48", format,
                        body -> body.put("deviceId", longer(body.get("deviceId").textValue(), 49))),
                new ConformanceCheck("field-device-id-code-points",
                        "getCardCommands with a deviceId of 48 code points, 80 or more UTF-16 units",
                        "getCardCommandsReq.deviceId: string, 1-48, counted in Unicode code points (JSON Schema's"
                                + " maxLength); within it, not status 111 or 112 (Device Gateway API)",
                        "not 111 or 112", RequestChecks::codePoints),
                field("field-issuer-id-number", "getCardCommands with issuerId as a JSON number",
                        "getCardCommandsReq.issuerId: type string", format, body -> body.put("issuerId", 12345)),
                new ConformanceCheck("body-not-json", "getCardCommands with a body that is not JSON",
                        rule("request body: application/json (getCardCommandsReq)", format), status(format),
                        (ctx, device) -> judge(ctx, GatewayApi.CARD_COMMANDS, GatewayJson.tree(ctx.topUp(device)),
                                ctx.post(GatewayApi.CARD_COMMANDS, ctx.options().actorId(),
                                        "issuerId=ISSUER01&cardId=CARD-0001".getBytes(StandardCharsets.UTF_8)),
                                format)),
                new ConformanceCheck("reader-mode-card-contents-bad-hex",
                        "getReaderModeCommands with a cardContents.idm that is not hexadecimal",
                        rule("getReaderModeCommandsReq.cardContents.idm: the card's IDm, 8 bytes in hex", format),
                        status(format), RequestChecks::badHexIdm));
    }

    /** A getCardCommands call whose x-actor-id is absent ({@code null}) or other than the user's. */
    private static ConformanceCheck header(String id, String title, String rule, GatewayStatus expected,
                                           String actorId) {
        return new ConformanceCheck(id, title, rule(rule, expected), status(expected), (ctx, device) -> {
            GatewayRequest<?> valid = ctx.topUp(device);
            return judge(ctx, valid.api(), GatewayJson.tree(valid),
                    ctx.post(valid.api(), actorId, GatewayJson.write(valid)), expected);
        });
    }

    /** A getCardCommands call whose body is a valid one changed by {@code change}. */
    private static ConformanceCheck field(String id, String title, String rule, GatewayStatus expected,
                                          Consumer<ObjectNode> change) {
        return new ConformanceCheck(id, title, rule(rule, expected), status(expected), (ctx, device) -> {
            ObjectNode body = GatewayJson.tree(ctx.topUp(device));
            change.accept(body);
            return judge(ctx, GatewayApi.CARD_COMMANDS, body, ctx.post(GatewayApi.CARD_COMMANDS, body), expected);
        });
    }

    private static Verdict badHexIdm(CheckContext ctx, String device) {
        ObjectNode body = GatewayJson.tree(ctx.readerMode(device, VirtualCardExecutor.sampleTransitCard()));
        ((ObjectNode) body.get("cardContents")).put("idm", "01ZZ4CD4A1B2C3D4");
        return judge(ctx, GatewayApi.READER_MODE_COMMANDS, body, ctx.post(GatewayApi.READER_MODE_COMMANDS, body),
                GatewayStatus.BAD_PARAMETER_FORMAT);
    }

    /**
     * A deviceId of 48 code points, at least 32 of them outside the Basic Multilingual Plane (two UTF-16 units each):
     * within the limit, so no format error, whatever else the TES makes of it (e.g. 117 for a device it does not
     * know). It starts with the end of the check's device id, so that it is still this check's own.
     */
    private static Verdict codePoints(CheckContext ctx, String device) {
        StringBuilder id = new StringBuilder(device.substring(Math.max(0, device.length() - 16)));
        while (id.codePointCount(0, id.length()) < 48) {
            id.appendCodePoint(MATHEMATICAL_ZERO);
        }
        ObjectNode body = GatewayJson.tree(ctx.topUp(device));
        body.put("deviceId", id.toString());
        TesAnswer answer = ctx.post(GatewayApi.CARD_COMMANDS, body);
        ctx.end(GatewayApi.CARD_COMMANDS, body, answer);
        boolean formatError = answer.is(GatewayStatus.MISSING_MANDATORY_PARAMETER)
                || answer.is(GatewayStatus.BAD_PARAMETER_FORMAT);
        return Verdict.of(answer.response() != null && !formatError, answer.describe());
    }

    /** Passes on the expected status; ends any operation the TES opened instead. */
    private static Verdict judge(CheckContext ctx, GatewayApi api, ObjectNode sent, TesAnswer answer,
                                 GatewayStatus expected) {
        ctx.end(api, sent, answer);
        return Verdict.of(answer.is(expected), answer.describe());
    }

    /** The value padded with {@code X} to a length the rule does not allow (ASCII: any way of counting agrees). */
    private static String longer(String value, int length) {
        StringBuilder s = new StringBuilder(value);
        while (s.length() < length) {
            s.append('X');
        }
        return s.toString();
    }
}
