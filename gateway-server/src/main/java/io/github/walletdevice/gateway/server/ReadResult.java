package io.github.walletdevice.gateway.server;

import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayResponse;
import java.util.Objects;

/**
 * What {@link StrictRequestReader} made of a call: the typed request, or the answer refusing it (111 or 112).
 */
public sealed interface ReadResult {

    /**
     * The call is a valid request.
     *
     * @param request the request, of the type of the operation called
     */
    record Accepted(GatewayRequest<?> request) implements ReadResult {
        /**
         * Checks the request is present.
         *
         * @param request the request
         */
        public Accepted {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * The call breaks a rule of the spec.
     *
     * @param answer the answer to send: status 111 or 112, {@code statusMessage} naming the field and the rule
     */
    record Refused(GatewayResponse answer) implements ReadResult {
        /**
         * Checks the answer is present.
         *
         * @param answer the answer
         */
        public Refused {
            Objects.requireNonNull(answer, "answer");
        }
    }
}
