package io.github.walletdevice.examples.cli;

import io.github.walletdevice.examples.json.Json;
import io.github.walletdevice.thredd.SoapVersion;
import io.github.walletdevice.thredd.ThreddActionException;
import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * What {@code thredd list} and {@code thredd unbind} share: the options in the README's command-line table, the
 * client built from them with credentials from the environment, and the JSON printed. A failure action code prints its JSON too, then
 * fails with exit code 3.
 */
abstract class ThreddCallCommand implements Callable<Integer> {
    /** The help's footer: an example endpoint on a line of its own, so the URL is never wrapped mid-word. */
    static final String URL_EXAMPLE = "%nExample: --url https://ws-uat.globalprocessing.net:13682/service.asmx";

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "U", required = true,
            description = "The Thredd endpoint (the service URL Thredd gives for each environment).")
    String url;

    @Option(names = "--iss-code", paramLabel = "C", required = true, description = "The IssCode (1-4 characters).")
    String issCode;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Token token;

    @Option(names = "--soap", paramLabel = "1.1|1.2", defaultValue = "1.2", converter = SoapConverter.class,
            description = "SOAP version (default: ${DEFAULT-VALUE}).")
    SoapVersion soap;

    /** The token: a DPAN or a payment token id. */
    static final class Token {
        @Option(names = "--dpan", paramLabel = "D", required = true, description = "The DPAN (16-19 digits).")
        String dpan;

        @Option(names = "--token-id", paramLabel = "T", required = true,
                description = "The payment token id (1-20 letters and digits).")
        String tokenId;
    }

    /** Reads {@code --soap}. */
    static final class SoapConverter implements ITypeConverter<SoapVersion> {
        @Override
        public SoapVersion convert(String value) {
            try {
                return SoapVersion.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("must be 1.1 or 1.2");
            }
        }
    }

    /** Calls Thredd with the client and returns the JSON to print. */
    abstract Map<String, Object> invoke(ThreddClient client, TokenRef token);

    @Override
    public final Integer call() {
        String user = ThreddCommand.environment.apply(ThreddCommand.USER_VARIABLE);
        String password = ThreddCommand.environment.apply(ThreddCommand.PASSWORD_VARIABLE);
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            spec.commandLine().getErr().println("walletdevice: set " + ThreddCommand.USER_VARIABLE + " and "
                    + ThreddCommand.PASSWORD_VARIABLE + " in the environment; Thredd credentials are never read from"
                    + " the command line.");
            return ExitCodes.USAGE;
        }
        TokenRef ref = token.dpan != null ? TokenRef.ofDpan(token.dpan) : TokenRef.ofPaymentTokenId(token.tokenId);
        try (ThreddClient client = ThreddClient.builder().endpoint(url).credentials(user, password)
                .issCode(issCode).soapVersion(soap).build()) {
            Json.print(spec.commandLine().getOut(), invoke(client, ref));
            return ExitCodes.OK;
        } catch (ThreddActionException e) {
            Json.print(spec.commandLine().getOut(), outcome(e.wsid(), e.code()));
            throw e;
        }
    }

    /** The keys every answer prints: wsid (a string: 19 digits exceed what JSON numbers hold exactly), code, meaning. */
    static Map<String, Object> outcome(long wsid, String actionCode) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("wsid", Long.toString(wsid));
        json.put("actionCode", actionCode);
        json.put("actionMeaning", io.github.walletdevice.thredd.ActionCode.meaningOf(actionCode));
        return json;
    }
}
