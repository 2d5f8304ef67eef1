package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.bind.Marshaller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Marshallers reused through a bounded pool, and the password's written form found without JAXB when nothing is escaped. */
class SoapRequestEncoderTest {
    private static final Credentials CREDENTIALS = new Credentials("user", "secret-pass");

    private static String envelope(SoapVersion v, long wsid) {
        TokenDeviceManagementElement e = new TokenDeviceRequest(Func.LIST, "PMT", TokenRef.ofPaymentTokenId("T1"),
                null).toElement(wsid);
        return new String(SoapRequestEncoder.encode(v, CREDENTIALS, e), StandardCharsets.UTF_8);
    }

    @BeforeEach
    void emptyPool() {
        SoapRequestEncoder.dropIdleMarshallers();
    }

    @Test
    void aMarshallerGivenBackIsReusedAndTwoInUseAtOnceAreDistinct() throws Exception {
        Marshaller first = SoapRequestEncoder.borrowMarshaller();
        Marshaller second = SoapRequestEncoder.borrowMarshaller();
        assertThat(second).isNotSameAs(first);
        SoapRequestEncoder.giveBack(first);
        SoapRequestEncoder.giveBack(second);

        List<Marshaller> again = List.of(SoapRequestEncoder.borrowMarshaller(), SoapRequestEncoder.borrowMarshaller());
        assertThat(again).containsExactlyInAnyOrder(first, second);
        again.forEach(SoapRequestEncoder::giveBack);
    }

    @Test
    void thePoolKeepsAtMostItsIdleLimit() throws Exception {
        List<Marshaller> inUse = new ArrayList<>();
        for (int i = 0; i < SoapRequestEncoder.IDLE_MARSHALLERS + 4; i++) {
            inUse.add(SoapRequestEncoder.borrowMarshaller());
        }
        inUse.forEach(SoapRequestEncoder::giveBack);

        List<Marshaller> idle = new ArrayList<>();
        for (int i = 0; i < SoapRequestEncoder.IDLE_MARSHALLERS + 4; i++) {
            idle.add(SoapRequestEncoder.borrowMarshaller());
        }
        // Only IDLE_MARSHALLERS of the first ones were kept; the rest of the second round are new.
        assertThat(idle.stream().filter(inUse::contains).count()).isEqualTo(SoapRequestEncoder.IDLE_MARSHALLERS);
        idle.forEach(SoapRequestEncoder::giveBack);
    }

    @Test
    void aReusedMarshallerWritesEachEnvelopeWhole() {
        String first = envelope(SoapVersion.SOAP_1_2, 11);
        String v11 = envelope(SoapVersion.SOAP_1_1, 12);
        String again = envelope(SoapVersion.SOAP_1_2, 11);
        assertThat(again).isEqualTo(first);
        assertThat(first).startsWith("<soap:Envelope").contains(SoapVersion.SOAP_1_2.envelopeNamespace())
                .doesNotContain(SoapVersion.SOAP_1_1.envelopeNamespace()).doesNotStartWith("<?xml");
        assertThat(v11).contains(SoapVersion.SOAP_1_1.envelopeNamespace())
                .doesNotContain(SoapVersion.SOAP_1_2.envelopeNamespace()).contains(">12<");
        assertThat(first.split("<soap:Envelope", -1)).hasSize(2);
    }

    @Test
    void threadsEncodingAtOnceEachGetTheirOwnEnvelope() throws Exception {
        List<String> wrong = AllAtOnce.run(6, thread -> {
            List<String> mine = new ArrayList<>();
            long base = 1_000_000L * (thread + 1);
            for (long wsid = base; wsid < base + 200; wsid++) {
                SoapVersion v = wsid % 2 == 0 ? SoapVersion.SOAP_1_1 : SoapVersion.SOAP_1_2;
                String xml = envelope(v, wsid);
                if (!xml.contains(">" + wsid + "<") || !xml.contains(v.envelopeNamespace())
                        || !xml.endsWith("</soap:Envelope>")) {
                    mine.add(wsid + ": " + xml);
                }
            }
            return mine;
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyCharacterTakenAsWrittenAsItIsIsWrittenAsItIsByJaxb() {
        for (char c = 0x20; c <= 0x7E; c++) {
            String password = "ab" + c + "cd" + c;
            if (SoapRequestEncoder.isWrittenAsIs(password)) {
                assertThat(SoapRequestEncoder.marshalledPassword(password)).as("%s", password).isEqualTo(password);
            } else {
                assertThat("&<>\"'").contains(String.valueOf(c));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain-Pass_123", "p&ss", "a<b", "a>b", "q\"uote", "ap'os", "tab\there", "nl\nx",
        "cr\rx", "caf\u00e9", "x\uD83D\uDE00y", "]]>x"})
    void theWrittenFormIsWhatJaxbWrites(String password) {
        assertThat(SoapRequestEncoder.writtenPassword(password))
                .isEqualTo(SoapRequestEncoder.marshalledPassword(password));
        assertThat(SoapRequestEncoder.isWrittenAsIs(password)).isEqualTo(password.equals("plain-Pass_123"));
    }
}
