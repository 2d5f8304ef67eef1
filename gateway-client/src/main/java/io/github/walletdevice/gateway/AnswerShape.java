package io.github.walletdevice.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shape of a TES's answer, pluggable because the spec does not publish it (see the package documentation).
 * An answer shape turns the JSON object a TES sent into the shape the SDK reads:
 * {@code {statusCode, statusMessage, commands[{commandId, command}], balance, cardAccountId}}, with the status at the
 * top level or under {@code responseHeader}, and any other field kept as an extension.
 *
 * <p>Set one with {@link DeviceGatewayClient.Builder#answerShape(AnswerShape)} when a TES answers in another shape;
 * no SDK release is needed. The function runs once per answer, on the client's threads, and must be thread-safe.
 * It may change the tree it is given and return it, or return a new one. Whatever it returns is read with the
 * SDK's usual rules, so a wrong mapping shows as a {@link io.github.walletdevice.core.MalformedResponseException}, as
 * does an exception the function throws (as its cause). A path it reads that is missing gives Jackson's missing node,
 * which counts as absent.
 *
 * <pre>{@code
 * // A TES that answers {"result":{"code":0,"text":"OK"},"data":{"cmds":[...]}}:
 * AnswerShape shape = (api, answer) -> {
 *     ObjectNode out = answer.objectNode();
 *     out.set("statusCode", answer.path("result").path("code"));
 *     out.set("statusMessage", answer.path("result").path("text"));
 *     out.set("commands", answer.path("data").path("cmds"));
 *     return out;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface AnswerShape {

    /**
     * The answer in the SDK's shape.
     *
     * @param api the operation answered
     * @param answer the JSON object the TES sent
     * @return the answer in the SDK's shape, not {@code null}
     */
    ObjectNode toSdkShape(GatewayApi api, ObjectNode answer);

    /**
     * The default: the answer read as it came (status at the top level or under {@code responseHeader}).
     *
     * @return the identity shape
     */
    static AnswerShape asSent() {
        return (api, answer) -> answer;
    }
}
