package io.github.walletdevice.examples.thredd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulated Thredd's checks, in order, with the action codes Thredd documents. */
class TokenDeviceServiceTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private final TokenDeviceService service = new TokenDeviceService("u", "p", "ISS", SeedTokens.tokens(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private long wsid = 1000;

    private IncomingRequest request(String user, String password, String wsid, String iss, String func, String dpan,
                                    String tokenId, String index) {
        return new IncomingRequest(true, user, password, wsid, iss, func, dpan, tokenId, index);
    }

    private String code(String func, String dpan, String tokenId, String index) {
        return service.handle(request("u", "p", Long.toString(++wsid), "ISS", func, dpan, tokenId, index))
                .actionCode();
    }

    @ParameterizedTest(name = "{8}")
    @CsvSource(nullValues = "null", value = {
        "null, p,    1, ISS, 00, 4895370012345678, null, null, 997",
        "'',   p,    1, ISS, 00, 4895370012345678, null, null, 997",
        "u,    null, 1, ISS, 00, 4895370012345678, null, null, 998",
        "u,    x,    1, ISS, 00, 4895370012345678, null, null, 999",
        "x,    p,    1, ISS, 00, 4895370012345678, null, null, 999",
        "u,    p, null, ISS, 00, 4895370012345678, null, null, 800",
        "u,    p,  12a, ISS, 00, 4895370012345678, null, null, 613",
        "u,    p, 99999999999999999999, ISS, 00, 4895370012345678, null, null, 613",
        "u,    p,    1, null, 00, 4895370012345678, null, null, 801",
        "u,    p,    1, OTHR, 00, 4895370012345678, null, null, 406",
        "u,    p,    1, ISS, null, 4895370012345678, null, null, 850",
        "u,    p,    1, ISS, 02, 4895370012345678, null, null, 217",
        "u,    p,    1, ISS, 00, null, null, null, 216",
        "u,    p,    1, ISS, 00, 48953700, null, null, 210",
        "u,    p,    1, ISS, 00, null, tok-1, null, 211",
        "u,    p,    1, ISS, 00, 4895370000000000, null, null, 214",
        "u,    p,    1, ISS, 00, 4895370012345678, 900000000002, null, 212",
        "u,    p,    1, ISS, 01, 4895370012345678, null, null, 221",
        "u,    p,    1, ISS, 01, 4895370012345678, null, 7, 219",
        "u,    p,    1, ISS, 01, 4895370012345678, null, 3, 220",
        "u,    p,    1, ISS, 00, 4895370011112222, null, null, 218",
        "u,    p,    1, ISS, 00, null, 900000000001, null, 000",
    })
    void eachCheckAnswersWithThreddsActionCode(String user, String password, String wsid, String iss, String func,
                                              String dpan, String tokenId, String index, String expected) {
        TokenDeviceService.Answer a = service.handle(request(user, password, wsid, iss, func, dpan, tokenId, index));
        assertThat(a.actionCode()).isEqualTo(expected);
        assertThat(a.wsid()).isEqualTo(wsid);
    }

    @Test
    void aWsidIsAcceptedOnceOnly() {
        IncomingRequest r = request("u", "p", "42", "ISS", "00", SeedTokens.DPAN_WITH_DEVICES, null, null);
        assertThat(service.handle(r).actionCode()).isEqualTo("000");
        assertThat(service.handle(r).actionCode()).isEqualTo("868");
    }

    @Test
    void anUnbindMarksTheDeviceDeletedOnceThenAnswers220() {
        assertThat(code("01", SeedTokens.DPAN_WITH_DEVICES, null, "002")).isEqualTo("000");
        assertThat(code("01", null, SeedTokens.TOKEN_ID_WITH_DEVICES, "2")).isEqualTo("220");
        SimulatedDevice d = service.tokens().get(0).devices().get(1);
        assertThat(d.gpsStatus()).isEqualTo("D");
        assertThat(d.netStatus()).isEqualTo("D");
        assertThat(d.statusDate()).isEqualTo(NOW);
        assertThat(d.bindDate()).isEqualTo(Instant.parse("2024-06-01T08:00:00Z"));
    }
}
