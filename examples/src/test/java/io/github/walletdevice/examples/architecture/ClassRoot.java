package io.github.walletdevice.examples.architecture;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the main classes of one of our modules are, as these tests see them on their class path: a published
 * module's jar once the build has packaged it ({@code core/target/walletdevice-core-<version>.jar}), its
 * {@code target/classes} when the build stopped before (e.g. {@code ./mvnw test}), and the examples' own
 * {@code target/classes}. Examples depend on every published module, so all of them are here.
 *
 * @param artifactId the module's artifactId, e.g. {@code walletdevice-core}
 * @param path the jar or the classes directory
 */
record ClassRoot(String artifactId, Path path) {
    /** The artifactId of the examples, which are not published. */
    static final String EXAMPLES = "walletdevice-examples";

    private static final Pattern JAR = Pattern.compile("(walletdevice-[a-z-]+?)-\\d[^/]*\\.jar");

    /**
     * Our main class roots on this JVM's class path (surefire sets {@code java.class.path} to the test class path);
     * test classes and test jars are left out.
     *
     * @return one root per module, in class path order
     */
    static List<ClassRoot> onClassPath() {
        List<ClassRoot> roots = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            Matcher jar = JAR.matcher(path.getFileName().toString());
            if (jar.matches() && !entry.endsWith("-tests.jar")) {
                roots.add(new ClassRoot(jar.group(1), path));
            } else if (path.endsWith(Path.of("target", "classes")) && Files.isDirectory(path.resolve("io/github/walletdevice"))) {
                roots.add(new ClassRoot("walletdevice-" + path.getParent().getParent().getFileName(), path));
            }
        }
        return roots;
    }

    /**
     * Whether this is one of the modules published to Maven Central (every one but the examples).
     *
     * @return true for a library module
     */
    boolean published() {
        return !artifactId.equals(EXAMPLES);
    }

    /**
     * The directory or jar that holds the module descriptor: the jar itself, or, before packaging, the
     * {@code target/module-classes} the parent POM's {@code jpms} profile compiles the descriptor into.
     *
     * @return the jar or the exploded module
     */
    Path moduleLocation() {
        return Files.isDirectory(path) ? path.resolveSibling("module-classes") : path;
    }
}
