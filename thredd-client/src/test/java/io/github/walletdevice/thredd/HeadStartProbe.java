package io.github.walletdevice.thredd;

/**
 * Run in a fresh JVM by {@link HeadStartTest}: whether building a client, and not before, starts making the JAXB
 * context. Prints one line per fact and exits with 0 when they are as expected.
 */
public final class HeadStartProbe {
    private HeadStartProbe() {
    }

    public static void main(String[] args) {
        StringBuilder wrong = new StringBuilder();
        ThreddClient.Builder b = ThreddClient.builder().endpoint("http://127.0.0.1:9/service.asmx")
                .credentials("user", "plain-pass");
        if (SoapRequestEncoder.contextStartedOrMade()) {
            wrong.append("the context was started before build() (by credentials(...))\n");
        }
        try (ThreddClient client = b.build()) {
            if (!SoapRequestEncoder.contextStartedOrMade()) {
                wrong.append("build() did not start making the context\n");
            }
            if (SoapRequestEncoder.context() != SoapRequestEncoder.context()) {
                wrong.append("more than one context\n");
            }
            // The first envelope is written with the context made in the background.
            String xml = new String(SoapRequestEncoder.encode(client.soapVersion(), new Credentials("user",
                    "plain-pass"), new TokenDeviceRequest(Func.LIST, "PMT", TokenRef.ofPaymentTokenId("T1"), null)
                    .toElement(7)), java.nio.charset.StandardCharsets.UTF_8);
            if (!xml.contains("plain-pass")) {
                wrong.append("no envelope written\n");
            }
        }
        System.out.print(wrong.length() == 0 ? "ok" : wrong);
        System.exit(wrong.length() == 0 ? 0 : 1);
    }
}
