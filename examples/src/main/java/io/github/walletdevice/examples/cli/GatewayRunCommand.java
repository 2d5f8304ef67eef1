package io.github.walletdevice.examples.cli;

import io.github.walletdevice.examples.json.Json;
import io.github.walletdevice.examples.tes.CardImageJson;
import io.github.walletdevice.examples.tes.VirtualCardContents;
import io.github.walletdevice.felica.emulator.CardImage;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayStatusException;
import io.github.walletdevice.gateway.Operation;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code walletdevice gateway run}: plays the TSH against a TES with a virtual FeliCa card, printing each round and
 * then the result as the last JSON object.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plays the TSH against a TES (any TES, or gateway serve) with a virtual FeliCa card: calls"
                + " the operation, runs the TES's commands on the card and posts the responses back until the TES"
                + " is done.",
            "Prints each round as a JSON object (the frames explained), then the result as the last JSON object:"
                + " statusCode, statusMessage, rounds, balance, cardAccountId (absent values omitted).",
            "Exit 0 when the operation completed, 3 when the TES answered a failure status, 4 on a transport or"
                + " protocol failure (or a session ended otherwise), 2 on bad input."},
        footer = {"", "Card image JSON (--card-image):",
            "  {\"sample\": \"transit\", \"balance\": 1200, \"cardAccountId\": \"WD00000000000042\"}",
            "    the sample transit card (balance and cardAccountId optional); or a whole card:",
            "  {\"idm\": \"012E4CD4A1B2C3D4\", \"pmm\": \"100B4B428485D0FF\", \"systems\": [{\"systemCode\": \"0003\",",
            "    \"areas\": [{\"areaCode\": \"1000\", \"endServiceCode\": \"13FF\"}],",
            "    \"services\": [{\"serviceCode\": \"1011\", \"purseBalance\": 500},",
            "                 {\"serviceCode\": \"1017\", \"overlapOf\": \"1011\"},",
            "                 {\"serviceCode\": \"104D\", \"blockCount\": 10},",
            "                 {\"serviceCode\": \"10CB\", \"blocks\": [\"<32 hex digits>\"]}]}]}",
            "  Codes are 4 hex digits of their value; each service has exactly one of purseBalance, overlapOf,"
                + " blockCount, blocks; keyVersion (4 hex digits) is optional on systems, areas and services.",
            "  A file that does not start with '{' is read as the FeliCa codec's plain-text card image."
                + " See docs/gateway.md."})
final class GatewayRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "U", required = true,
            description = "The TES's base URL, e.g. http://127.0.0.1:8080 (the base path is appended).")
    String url;

    @Option(names = "--actor-id", paramLabel = "A", required = true,
            description = "The x-actor-id header, 1-32 characters.")
    String actorId;

    @Option(names = "--issuer", paramLabel = "I", required = true, description = "issuerId, 1-16 characters.")
    String issuer;

    @Option(names = "--card", paramLabel = "C",
            description = "cardId, 1-48 characters; required for card and park, not sent in reader mode.")
    String card;

    @Option(names = "--device", paramLabel = "D", required = true, description = "deviceId, 1-48 characters.")
    String device;

    @Option(names = "--api", paramLabel = "card|park|reader-mode", defaultValue = "card",
            description = "Which operation: getCardCommands, getParkCardCommands or getReaderModeCommands"
                    + " (default: ${DEFAULT-VALUE}).")
    String api;

    @Option(names = "--operation", paramLabel = "O",
            description = "The operation value, sent only when given: the spec marks it optional and publishes no"
                    + " values.")
    String operation;

    @Option(names = "--purchase", paramLabel = "P", description = "purchaseId, 1-64 characters (--api card only).")
    String purchase;

    @Option(names = "--card-image", paramLabel = "F",
            description = "A card image file (JSON below, or the FeliCa plain-text form); default: the sample"
                    + " transit card.")
    Path cardImage;

    @Option(names = "--base-path", paramLabel = "PATH", defaultValue = DeviceGatewayClient.DEFAULT_BASE_PATH,
            description = "The path before the operation names (default: ${DEFAULT-VALUE}).")
    String basePath;

    @Override
    public Integer call() {
        String which = api.toLowerCase(java.util.Locale.ROOT);
        if (!which.equals("card") && !which.equals("park") && !which.equals("reader-mode")) {
            throw new ParameterException(spec.commandLine(), "--api must be card, park or reader-mode, not '" + api
                    + "'.");
        }
        if (!which.equals("reader-mode") && card == null) {
            throw new ParameterException(spec.commandLine(), "--card is required with --api " + which + ".");
        }
        if (purchase != null && !which.equals("card")) {
            throw new ParameterException(spec.commandLine(), "--purchase applies only to --api card.");
        }
        CardImage image = cardImage == null ? CardImages.transitSample() : CardImageJson.read(cardImage);
        VirtualCardExecutor phone = VirtualCardExecutor.of(image);
        GatewayRequest<?> first = request(which, phone);
        PrintWriter out = spec.commandLine().getOut();
        SessionResult result;
        try (DeviceGatewayClient client = DeviceGatewayClient.builder().baseUrl(url).basePath(basePath)
                .actorId(actorId).build()) {
            result = client.session(phone).onRound(round -> Json.print(out, GatewayRoundJson.round(round))).build()
                    .run(first);
        }
        Json.print(out, GatewayRoundJson.result(result));
        if (result.isSuccess()) {
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!result.lastStatus().isOk()) {
            err.println("walletdevice: " + new GatewayStatusException(result.api(), result.lastStatus(),
                    result.lastStatusMessage()).getMessage());
            err.flush();
            return ExitCodes.API_FAILURE;
        }
        err.println("walletdevice: the session ended " + result.outcome() + ": " + result.detail() + ".");
        err.flush();
        return ExitCodes.TRANSPORT;
    }

    /** The operation asked for, or none: an invented default could get a real TES's 112. */
    private Operation operation() {
        return operation == null ? null : Operation.of(operation);
    }

    private GatewayRequest<?> request(String which, VirtualCardExecutor phone) {
        switch (which) {
            case "card":
                return CardCommandsRequest.builder().issuerId(issuer).cardId(card).purchaseId(purchase)
                        .deviceId(device).operation(operation())
                        .build();
            case "park":
                return ParkCardCommandsRequest.builder().issuerId(issuer).cardId(card).deviceId(device)
                        .operation(operation()).build();
            default:
                return ReaderModeCommandsRequest.builder().issuerId(issuer).deviceId(device)
                        .operation(operation())
                        .cardContents(VirtualCardContents.of(phone.card(), "walletdevice virtual card")).build();
        }
    }
}
