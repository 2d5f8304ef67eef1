package io.github.walletdevice.examples.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds the {@code ```java} blocks of Markdown files and compiles them with {@code javax.tools}, reporting each
 * error at its file and line. The convention (see {@link DocSnippetsTest}):
 * <ul>
 *   <li>a block that declares a top-level type at the start of a line ({@code class}, {@code record}, …) is a
 *       compilation unit of its own;</li>
 *   <li>any other block is the body of a method {@code void snippet() throws Exception};</li>
 *   <li>both see every package of the SDK and {@code java.io}, {@code java.time}, {@code java.util},
 *       {@code java.util.concurrent} and {@code java.util.function} imported;</li>
 *   <li>names a block uses without declaring them ({@code client}, {@code nfcF}) are declared in an HTML comment
 *       right above the fence, {@code <!-- snippet: DeviceGatewayClient client; NfcF nfcF; -->}, which is invisible
 *       once rendered; its text becomes members of the class around the method.</li>
 * </ul>
 */
final class MarkdownSnippets {
    private static final Pattern CONTEXT = Pattern.compile("(?s)<!--\\s*snippet:(.*?)-->\\s*$");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");
    private static final List<String> JDK_PACKAGES =
            List.of("java.io", "java.time", "java.util", "java.util.concurrent", "java.util.function");

    private MarkdownSnippets() {
    }

    /**
     * One fenced block: where it is (file as shown in messages, line of the fence), its code, and the declarations
     * its context comment gives it (with the comment's line).
     */
    record Snippet(String file, int line, String code, String context, int contextLine) {
        String where(int lineInCode) {
            return file + ":" + (line + lineInCode);
        }
    }

    /**
     * Reads every {@code ```java} block of a Markdown file.
     *
     * @param root the repository's root
     * @param file the file, relative to the root (as shown in messages)
     * @return its blocks, in order
     */
    static List<Snippet> read(Path root, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().toLowerCase(Locale.ROOT).startsWith("```java")) {
                continue;
            }
            int fence = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            // The context comment: the lines right above the fence, up to the one that opens the comment.
            String context = "";
            int contextLine = fence;
            StringBuilder above = new StringBuilder();
            for (int j = fence - 1; j >= 0 && !lines.get(j).isBlank(); j--) {
                above.insert(0, lines.get(j) + "\n");
                Matcher m = CONTEXT.matcher(above);
                if (lines.get(j).contains("<!--") && m.find()) {
                    context = m.group(1).strip();
                    contextLine = j + 1;
                    break;
                }
            }
            out.add(new Snippet(file.toString().replace(File.separatorChar, '/'), fence + 1, code.toString(), context, contextLine));
        }
        return out;
    }

    /**
     * Compiles the snippets against the class path given.
     *
     * @param snippets the snippets
     * @param classPath the class path to compile against
     * @param output where class files go
     * @return one line per error, {@code README.md:97: cannot find symbol …}; empty when all compile
     */
    static List<String> compile(List<Snippet> snippets, String classPath, Path output) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String imports = imports(classPath);
        List<Unit> units = new ArrayList<>();
        for (int n = 0; n < snippets.size(); n++) {
            units.add(Unit.of(snippets.get(n), n, imports));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-classpath", classPath,
                    "-d", output.toString());
            javac.getTask(null, files, diagnostics, options, null, units).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                Unit unit = (Unit) d.getSource();
                String where = unit == null ? "?" : unit.where((int) d.getLineNumber());
                errors.add(where + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            }
        }
        return errors;
    }

    /** The import line every snippet gets: the JDK packages above and each SDK package on the class path. */
    private static String imports(String classPath) {
        Set<String> packages = new TreeSet<>(JDK_PACKAGES);
        for (String entry : classPath.split(File.pathSeparator)) {
            packages.addAll(sdkPackages(Path.of(entry)));
        }
        StringBuilder line = new StringBuilder();
        packages.forEach(p -> line.append("import ").append(p).append(".*; "));
        return line.toString();
    }

    private static Set<String> sdkPackages(Path entry) {
        Set<String> packages = new TreeSet<>();
        try {
            if (Files.isDirectory(entry.resolve("io/github/walletdevice"))) {
                try (Stream<Path> walk = Files.walk(entry.resolve("io/github/walletdevice"))) {
                    walk.filter(p -> p.toString().endsWith(".class"))
                            .forEach(p -> packages.add(entry.relativize(p.getParent()).toString()
                                    .replace(File.separatorChar, '.')));
                }
            } else if (entry.getFileName() != null && entry.getFileName().toString().startsWith("walletdevice-")
                    && entry.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith("io/github/walletdevice/") && n.endsWith(".class"))
                            .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packages;
    }

    /** A snippet as a Java source, with the offsets that lead a compiler's line back to the Markdown. */
    private static final class Unit extends SimpleJavaFileObject {
        private final Snippet snippet;
        private final String source;
        private final int firstCodeLine;
        private final int contextLines;

        private Unit(String name, Snippet snippet, String source, int firstCodeLine, int contextLines) {
            super(java.net.URI.create("string:///" + name + ".java"), Kind.SOURCE);
            this.snippet = snippet;
            this.source = source;
            this.firstCodeLine = firstCodeLine;
            this.contextLines = contextLines;
        }

        static Unit of(Snippet snippet, int n, String imports) {
            Matcher type = TYPE.matcher(snippet.code());
            if (type.find()) {
                // Line 1: the imports; the block from line 2 on.
                String code = snippet.code().contains("package ") ? snippet.code() : imports + "\n" + snippet.code();
                int first = snippet.code().contains("package ") ? 1 : 2;
                return new Unit(type.group(1), snippet, code, first, 0);
            }
            String context = snippet.context();
            int contextLines = context.isEmpty() ? 0 : (int) context.lines().count();
            String source = imports + "\n"
                    + "final class Snippet" + n + " {\n"
                    + (context.isEmpty() ? "" : context + "\n")
                    + "void snippet() throws Exception {\n"
                    + snippet.code()
                    + "}}\n";
            return new Unit("Snippet" + n, snippet, source, 4 + contextLines, contextLines);
        }

        /** The Markdown file and line of a line of this source. */
        String where(int line) {
            if (line >= firstCodeLine) {
                return snippet.where(line - firstCodeLine + 1);
            }
            if (contextLines > 0 && line >= 3) {
                return snippet.file() + ":" + snippet.contextLine() + " (snippet comment)";
            }
            return snippet.where(0);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
        }
    }
}
