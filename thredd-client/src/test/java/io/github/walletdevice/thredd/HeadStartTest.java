package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JAXB context is made once per JVM, so whether building a client starts it can only be seen in a JVM where no
 * test has made it yet: {@link HeadStartProbe} in a fresh one, on this JVM's class path.
 */
class HeadStartTest {

    @Test
    void buildingAClientStartsMakingTheContextAndAPlainPasswordDoesNotWaitForIt() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HeadStartProbe.class.getName()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(out).endsWith("ok");
        assertThat(p.exitValue()).isZero();
    }
}
