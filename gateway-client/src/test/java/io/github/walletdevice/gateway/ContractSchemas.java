package io.github.walletdevice.gateway;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The component schemas of the shipped OpenAPI document, for validating what goes over the wire in tests. */
final class ContractSchemas {
    static final String DOCUMENT = "classpath:io/github/walletdevice/gateway/device-gateway-openapi.yaml";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name,
                n -> REGISTRY.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/" + n)));
    }

    static List<String> requestErrors(GatewayApi api, String json) {
        return errors(api.operationName() + "Req", json);
    }

    static List<String> responseErrors(GatewayApi api, String json) {
        return errors(api.operationName() + "Res", json);
    }

    static List<String> errors(String schemaName, String json) {
        List<Error> errors = schema(schemaName).validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).collect(Collectors.toList());
    }

    static void requireValidRequest(GatewayApi api, String json) {
        List<String> errors = requestErrors(api, json);
        if (!errors.isEmpty()) {
            throw new AssertionError(api.operationName() + " request breaks the contract: " + errors + "\n" + json);
        }
    }

    static void requireValidResponse(GatewayApi api, String json) {
        List<String> errors = responseErrors(api, json);
        if (!errors.isEmpty()) {
            throw new AssertionError(api.operationName() + " answer breaks the contract: " + errors + "\n" + json);
        }
    }
}
