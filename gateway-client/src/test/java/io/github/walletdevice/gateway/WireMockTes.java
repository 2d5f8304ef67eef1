package io.github.walletdevice.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A stubbed TES on loopback. Every answer stubbed through {@link #answer} is first checked against the contract's
 * schema, and after each test every request the client sent is checked against it too.
 */
abstract class WireMockTes {
    static final String ACTOR = "TSH-TEST-01";
    static final String BASE_PATH = DeviceGatewayClient.DEFAULT_BASE_PATH;

    static WireMockServer tes;

    @BeforeAll
    static void startTes() {
        // Delayed answers wait on WireMock's own scheduler, not on a server thread: a few 5-second answers in a row
        // must not leave the next request queued unseen.
        tes = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(8)
                .asynchronousResponseEnabled(true));
        tes.start();
    }

    @AfterAll
    static void stopTes() {
        tes.stop();
    }

    @BeforeEach
    void resetTes() {
        tes.resetAll();
    }

    @AfterEach
    void everyRequestFollowsTheContract() {
        for (LoggedRequest r : sentRequests()) {
            GatewayApi api = apiOf(r.getUrl());
            assertThat(api).as("path of %s", r.getUrl()).isNotNull();
            ContractSchemas.requireValidRequest(api, r.getBodyAsString());
            assertThat(r.getHeader(DeviceGatewayClient.ACTOR_HEADER)).isNotEmpty().hasSizeLessThanOrEqualTo(32);
            assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        }
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + tes.port();
    }

    static String path(GatewayApi api) {
        return BASE_PATH + "/" + api.operationName();
    }

    static GatewayApi apiOf(String url) {
        for (GatewayApi api : GatewayApi.values()) {
            if (url.endsWith("/" + api.operationName())) {
                return api;
            }
        }
        return null;
    }

    /** Stubs an on-contract answer (checked against the schema first). */
    static void answer(GatewayApi api, String json) {
        ContractSchemas.requireValidResponse(api, json);
        tes.stubFor(post(urlEqualTo(path(api))).willReturn(okJson(json)));
    }

    /** Stubs an on-contract answer for a matching request (checked against the schema first). */
    static void answer(MappingBuilder when, GatewayApi api, String json) {
        ContractSchemas.requireValidResponse(api, json);
        tes.stubFor(when.willReturn(okJson(json)));
    }

    /** Stubs an answer that deliberately breaks the contract or the HTTP exchange. */
    static void answerRaw(GatewayApi api, ResponseDefinitionBuilder response) {
        tes.stubFor(post(urlEqualTo(path(api))).willReturn(response));
    }

    /** Every request the TES received, oldest first. */
    static List<LoggedRequest> sentRequests() {
        List<LoggedRequest> all = new ArrayList<>(tes.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return all;
    }

    static List<LoggedRequest> requestsTo(GatewayApi api) {
        return tes.findAll(postRequestedFor(urlEqualTo(path(api)))
                .withHeader(DeviceGatewayClient.ACTOR_HEADER, equalTo(ACTOR)));
    }

    static DeviceGatewayClient.Builder client() {
        return DeviceGatewayClient.builder().baseUrl(baseUrl()).actorId(ACTOR);
    }
}
