package io.github.walletdevice.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block in {@code README.md}, {@code docs/*.md} and the modules' {@code README.md} compiles
 * against the SDK (this module's test class path). A failure names the Markdown file and line.
 *
 * <p>How to write a snippet that compiles:
 * <ul>
 *   <li>Statements are fine as they are: a block is the body of {@code void snippet() throws Exception}, with every
 *       SDK package and {@code java.io}, {@code java.time}, {@code java.util}, {@code java.util.concurrent},
 *       {@code java.util.function} imported. A block declaring a top-level type (a line starting with
 *       {@code class}, {@code record}, …) is compiled as a file of its own, with the same imports.</li>
 *   <li>Declare what the block uses but does not show in an HTML comment on the line(s) right above the fence:
 *       <pre>{@code <!-- snippet: DeviceGatewayClient client; byte[] cardAnswer; -->}</pre>
 *       The comment's text becomes members of the class around the method (fields, methods, nested types), and
 *       is not shown by Markdown renderers.</li>
 * </ul>
 */
class DocSnippetsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyJavaSnippetInTheDocumentationCompiles(@TempDir Path output) throws IOException {
        List<MarkdownSnippets.Snippet> snippets = new ArrayList<>();
        for (Path file : markdownFiles()) {
            snippets.addAll(MarkdownSnippets.read(ROOT, file));
        }
        assertThat(snippets).as("java blocks found").hasSizeGreaterThanOrEqualTo(9);
        assertThat(snippets).extracting(MarkdownSnippets.Snippet::file)
                .contains("README.md", "docs/gateway.md", "docs/thredd.md");

        List<String> errors = MarkdownSnippets.compile(snippets, testClassPath(), output);

        assertThat(errors).as("snippets that do not compile (file:line: error)").isEmpty();
    }

    @Test
    void aBrokenSnippetIsReportedAtItsFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("guide.md"), String.join("\n",
                "# Guide",
                "",
                "<!-- snippet: DeviceGatewayClient client; -->",
                "```java",
                "GatewayStatus ok = GatewayStatus.OK;",
                "client.close();",
                "int broken = \"text\";",
                "```",
                "",
                "```java",
                "System.out.println(undeclared);",
                "```",
                ""));
        Files.createDirectories(dir.resolve("classes"));

        List<String> errors = MarkdownSnippets.compile(MarkdownSnippets.read(dir, Path.of("guide.md")),
                testClassPath(), dir.resolve("classes"));

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("guide.md:7: ").contains("incompatible types");
        assertThat(errors.get(1)).startsWith("guide.md:11: ").contains("cannot find symbol");
    }

    /** README.md, docs/*.md, and each module's README.md. */
    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(p -> files.add(ROOT.relativize(p)));
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.filter(p -> Files.isRegularFile(p.resolve("README.md"))).sorted()
                    .forEach(p -> files.add(ROOT.relativize(p.resolve("README.md"))));
        }
        return files;
    }

    /** Surefire's real test class path (java.class.path may be a manifest-only jar). */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
