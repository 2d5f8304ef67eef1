package io.github.walletdevice.examples.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.WalletDeviceException;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.examples.tes.VirtualCardContents;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.DeviceCommandExecutor;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayJson;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.Operation;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.nio.charset.StandardCharsets;

/**
 * What the checks share during one run: the SDK's client for well-formed calls, the same transport for hand-made
 * ones the client refuses to send, and the requests built from the user's identifiers.
 */
final class CheckContext implements AutoCloseable {
    private static final String JSON = "application/json";
    /** Room left for {@code -NN} when a check derives its device id. */
    private static final int DEVICE_ID_STEM = 45;

    private final CheckOptions options;
    private final HttpTransport transport;
    private final DeviceGatewayClient client;

    private CheckContext(CheckOptions options, HttpTransport transport, DeviceGatewayClient client) {
        this.options = options;
        this.transport = transport;
        this.client = client;
    }

    /**
     * Opens the transport and the client.
     *
     * @throws io.github.walletdevice.core.ValidationException when the base URL or the actor id is invalid
     */
    static CheckContext open(CheckOptions options) {
        TransportOptions settings = TransportOptions.builder().readTimeout(options.callTimeout())
                .callTimeout(options.callTimeout()).build();
        HttpTransport transport = HttpTransports.createDefault(settings);
        try {
            DeviceGatewayClient client = DeviceGatewayClient.builder().baseUrl(options.baseUrl())
                    .basePath(options.basePath()).actorId(options.actorId()).transport(transport)
                    .callTimeout(options.callTimeout()).build();
            return new CheckContext(options, transport, client);
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    CheckOptions options() {
        return options;
    }

    /** The device id of the check with this number: the user's, cut to fit, then {@code -NN}. */
    String device(int number) {
        String stem = options.deviceId();
        if (stem.length() > DEVICE_ID_STEM) {
            stem = stem.substring(0, DEVICE_ID_STEM);
        }
        return stem + "-" + String.format("%02d", number);
    }

    CardCommandsRequest topUp(String device) {
        return CardCommandsRequest.builder().issuerId(options.issuerId()).cardId(options.cardId())
                .purchaseId("CHECK-" + device).deviceId(device).operation(Operation.TOPUP).build();
    }

    ParkCardCommandsRequest park(String device) {
        return ParkCardCommandsRequest.builder().issuerId(options.issuerId()).cardId(options.cardId())
                .deviceId(device).operation(Operation.PARK_CARD).build();
    }

    /** A reader-mode first call reporting the phone's card as the external card it read. */
    ReaderModeCommandsRequest readerMode(String device, VirtualCardExecutor phone) {
        return ReaderModeCommandsRequest.builder().issuerId(options.issuerId()).deviceId(device)
                .operation(Operation.READER_MODE)
                .cardContents(VirtualCardContents.of(phone.card(), "walletdevice gateway check")).build();
    }

    /** A well-formed call through the SDK's client. */
    TesAnswer call(GatewayRequest<?> request) {
        try {
            return TesAnswer.of(client.send(request));
        } catch (WalletDeviceException e) {
            return TesAnswer.of(e);
        }
    }

    /**
     * A hand-made call on the same transport.
     *
     * @param actorId the {@code x-actor-id}, or {@code null} to leave the header out
     */
    TesAnswer post(GatewayApi api, String actorId, byte[] body) {
        HttpRequest.Builder b = HttpRequest.builder().method("POST").uri(client.endpoint(api))
                .header("Content-Type", JSON).header("Accept", JSON).body(body);
        if (actorId != null) {
            b.header(DeviceGatewayClient.ACTOR_HEADER, actorId);
        }
        HttpResponse response;
        try {
            response = transport.execute(b.build(), deadline());
        } catch (TransportException e) {
            return TesAnswer.of(e);
        }
        if (!response.isSuccessful()) {
            String text = new String(response.bodyUnsafe(), StandardCharsets.UTF_8);
            return TesAnswer.of(new HttpStatusException("HTTP " + response.statusCode(),
                    response.statusCode(), response.headers(), text));
        }
        try {
            return TesAnswer.of(GatewayJson.readResponse(api, response.bodyUnsafe()));
        } catch (MalformedResponseException e) {
            return TesAnswer.of(e);
        }
    }

    /** A hand-made JSON call on the same transport, with the user's {@code x-actor-id}. */
    TesAnswer post(GatewayApi api, ObjectNode body) {
        return post(api, options.actorId(), body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The deadline of a hand-made call: the run's call timeout from now. */
    private long deadline() {
        return System.nanoTime() + options.callTimeout().toNanos();
    }

    /**
     * Checks that the TES answers HTTP at all, with a request every TES refuses (an empty JSON object).
     *
     * @throws TesUnreachableException when no HTTP answer came
     */
    void probe() {
        try {
            transport.execute(HttpRequest.builder().method("POST").uri(client.endpoint(GatewayApi.CARD_COMMANDS))
                    .header("Content-Type", JSON).header(DeviceGatewayClient.ACTOR_HEADER, options.actorId())
                    .body("{}".getBytes(StandardCharsets.UTF_8)).build(), deadline());
        } catch (TransportException e) {
            throw new TesUnreachableException(options.baseUrl(), e);
        }
    }

    /** Runs a whole operation with the SDK's command loop. */
    SessionResult session(DeviceCommandExecutor device, GatewayRequest<?> first) {
        return client.session(device).build().run(first);
    }

    /**
     * Ends an operation a check opened when the TES went on with it against the specification: the TSH reports a
     * device failure (231), after which a TES ends the operation. Best effort; whatever it answers is ignored.
     */
    void end(GatewayRequest<?> request, TesAnswer answer) {
        end(request.api(), GatewayJson.tree(request), answer);
    }

    /** The same for an operation opened by a hand-made first call: the report goes with the same body. */
    void end(GatewayApi api, ObjectNode first, TesAnswer answer) {
        if (answer.hasCommands()) {
            ObjectNode report = first.deepCopy();
            report.put("statusCode", GatewayStatus.DEVICE_UNEXPECTED_ERROR.code());
            report.put("statusMessage", "walletdevice gateway check: ending the operation this check opened");
            post(api, report);
        }
    }

    @Override
    public void close() {
        client.close();
        transport.close();
    }
}
