package io.github.walletdevice.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A server written in another language, run as a child process: Python's {@code http.server} or Node's {@code http}
 * (scripts in {@code src/test/resources/servers}). It prints its port, answers with {@link Answers}, and tells what
 * it received on {@code GET /__stats}.
 */
final class ScriptServer implements TestServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which server. */
    enum Kind {
        /** Python's http.server on HTTP/1.0: it closes the connection after each answer. */
        PYTHON_HTTP10("python3", "interop_server.py", "http10"),
        /** Python's http.server on HTTP/1.1, closing a keep-alive connection idle for 0.5 s. */
        PYTHON_IDLE_CLOSE("python3", "interop_server.py", "idle"),
        /** Node's http server, its keep-alive timeout cut to 0.5 s (it then says {@code Keep-Alive: timeout=0}). */
        NODE("node", "interop_server.js", "500"),
        /** Node's http server with its default keep-alive timeout, 5 s. */
        NODE_DEFAULT("node", "interop_server.js", "5000");

        final String program;
        final String script;
        final String mode;

        Kind(String program, String script, String mode) {
            this.program = program;
            this.script = script;
            this.mode = mode;
        }
    }

    private final Kind kind;
    private final Process process;
    private final int port;

    private ScriptServer(Kind kind, Process process, int port) {
        this.kind = kind;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the server. Outside CI a machine without the program skips the test; on CI ({@code CI=true}) the
     * program must be there ({@code .ci/run} installs it), so its absence fails the test instead.
     */
    static ScriptServer start(Kind kind) {
        requireProgram(kind.program);
        List<String> cmd = new ArrayList<>(List.of(kind.program, script(kind.script).toString()));
        if (kind.mode != null) {
            cmd.add(kind.mode);
        }
        cmd.addAll(List.of(Answers.GATEWAY_COMMAND, Answers.GATEWAY_DONE, Answers.THREDD_LIST,
                Answers.THREDD_UNBIND));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null) {
                p.destroyForcibly();
                throw new IllegalStateException(kind + " exited before printing its port");
            }
            return new ScriptServer(kind, p, Integer.parseInt(line.trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasProgram(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void requireProgram(String program) {
        if (hasProgram(program)) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(program + " is not on the PATH of this CI machine; .ci/run must install it");
        }
        Assumptions.abort(program + " is not on the PATH: this server is not tried here (CI requires it)");
    }

    private static Path script(String name) {
        try {
            return Path.of(ScriptServer.class.getResource("/servers/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public Stats stats() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write("GET /__stats HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode n = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            return new Stats(n.get("received").asInt(), n.get("duplicates").asInt(),
                    n.get("connectionsOpened").asInt(), n.get("openConnections").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return kind.toString();
    }
}
