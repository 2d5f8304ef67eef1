package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.gateway.internal.GatewayMapper;
import java.util.Objects;

/**
 * The JSON form of the Device Gateway messages, for both sides: the client uses it, and a TES (or a test) can use it
 * to read requests and write answers with the same rules.
 *
 * <p>Writing: modelled fields in the spec's order, then extensions; {@code null}s are never written; an empty
 * {@code responses}, {@code commands} or {@code areaCodeList} is left out. Reading an answer is lenient where the
 * contract is reconstructed or loosely typed: unknown fields are kept as extensions, {@code null} counts as absent,
 * numbers sent as numeric strings ({@code "statusCode": "0"}) are accepted, the status may sit at the top level or
 * under {@code responseHeader}, a {@code balance} that is not an integer is kept as its JSON value, and an
 * {@link AnswerShape} can map any other shape. The confirmed {@code cardAccountId} (1–48 characters) is checked.
 * One shared Jackson {@code ObjectMapper}, configured once (unknown properties ignored, {@code null}s not written,
 * trailing content refused).
 */
public final class GatewayJson {

    private GatewayJson() {
    }

    /**
     * A request as the JSON bytes the client sends.
     *
     * @param request the request
     * @return UTF-8 JSON
     */
    public static byte[] write(GatewayRequest<?> request) {
        return GatewayJsonWriter.bytes(request);
    }

    /**
     * An answer as the JSON bytes a TES sends.
     *
     * @param response the answer
     * @return UTF-8 JSON
     */
    public static byte[] write(GatewayResponse response) {
        return GatewayJsonWriter.bytes(response);
    }

    /**
     * A request as a JSON tree: the same JSON as {@link #write(GatewayRequest)}, parsed.
     *
     * @param request the request
     * @return a new tree
     */
    public static ObjectNode tree(GatewayRequest<?> request) {
        return GatewayJsonWriter.tree(request);
    }

    /**
     * An answer as a JSON tree: the same JSON as {@link #write(GatewayResponse)}, parsed.
     *
     * @param response the answer
     * @return a new tree
     */
    public static ObjectNode tree(GatewayResponse response) {
        return GatewayJsonWriter.tree(response);
    }

    /**
     * A value as a JSON node, for extensions.
     *
     * @param value a {@link JsonNode} (copied) or any value Jackson can convert: string, number, boolean, map, list
     * @return the node
     * @throws IllegalArgumentException when the value cannot be converted
     */
    public static JsonNode node(Object value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof JsonNode n) {
            return n.deepCopy();
        }
        return GatewayMapper.MAPPER.valueToTree(value);
    }

    /**
     * Reads a TES's answer, leniently (see the class documentation).
     *
     * @param api the operation answered, which decides the response type
     * @param body the response body
     * @return the answer, of the type matching {@code api}
     * @throws MalformedResponseException when the body is not a JSON object, the status is missing, or a field has
     *         a type or format the contract does not allow (e.g. a command that is not hex)
     */
    public static GatewayResponse readResponse(GatewayApi api, byte[] body) {
        return GatewayJsonReader.response(api, api::answer, body, null, AnswerShape.asSent());
    }

    /**
     * Reads a TES's answer of another shape, mapped to the SDK's by {@code shape} and then read as
     * {@link #readResponse(GatewayApi, byte[])} does.
     *
     * @param api the operation answered, which decides the response type
     * @param body the response body
     * @param shape maps the answer to the SDK's shape
     * @return the answer, of the type matching {@code api}
     * @throws MalformedResponseException as {@link #readResponse(GatewayApi, byte[])}, on the mapped answer, or
     *         when the shape throws (its exception is the cause)
     */
    public static GatewayResponse readResponse(GatewayApi api, byte[] body, AnswerShape shape) {
        return GatewayJsonReader.response(api, api::answer, body, null, shape);
    }

    /**
     * Reads a TSH's request leniently, as the SDK reads answers: unknown fields are kept as extensions, the rules the
     * request types hold (required fields, lengths, formats) are checked, but a JSON type is not: a number or a
     * boolean where the spec wants a string is read as its text ({@code "issuerId": 12} as {@code "12"}). A TES that
     * must refuse what the spec refuses uses {@code io.github.walletdevice.gateway.server.StrictRequestReader}
     * (artifact {@code walletdevice-gateway-server}) instead.
     *
     * @param api the operation called, which decides the request type
     * @param body the request body
     * @return the request, of the type matching {@code api}
     * @throws ValidationException when the body is not a JSON object or a field is missing or breaks a rule;
     *         {@link ValidationException#shownValue()} is {@code null} exactly when the field is missing (a TES
     *         answers 111 then, 112 otherwise)
     */
    public static GatewayRequest<?> readRequest(GatewayApi api, byte[] body) {
        return GatewayJsonReader.request(api, body);
    }
}
