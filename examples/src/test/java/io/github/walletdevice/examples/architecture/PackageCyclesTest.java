package io.github.walletdevice.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.core.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No package of our main code, across every module, depends on itself through others: each package can be read,
 * tested and changed knowing only the packages below it.
 */
class PackageCyclesTest {
    /**
     * Cycles known and being broken; the test fails on any other, and on an entry here that no longer exists, so the
     * list only shrinks.
     */
    private static final List<Set<String>> KNOWN_CYCLES = List.of();

    @Test
    void ourMainCodeHasNoPackageCycleBeyondTheKnownOnes() {
        List<ClassRoot> roots = ClassRoot.onClassPath();
        assertThat(roots).extracting(ClassRoot::artifactId).containsAll(ModuleDescriptorsTest.PUBLISHED)
                .contains(ClassRoot.EXAMPLES);
        PackageGraph graph = PackageGraph.read(roots.stream().map(ClassRoot::path).toList());
        assertThat(graph.packages()).contains("io.github.walletdevice.examples.cli", "io.github.walletdevice.felica");

        List<SortedSet<String>> cycles = graph.cycles();

        List<String> unexpected = new ArrayList<>();
        for (SortedSet<String> cycle : cycles) {
            if (!KNOWN_CYCLES.contains(cycle)) {
                unexpected.add("cycle " + cycle + ":\n    " + String.join("\n    ", graph.explain(cycle)));
            }
        }
        assertThat(unexpected).as("package cycles in our main code").isEmpty();
        assertThat(KNOWN_CYCLES).as("known cycles that are gone: remove them from KNOWN_CYCLES")
                .allSatisfy(known -> assertThat(cycles).contains(new TreeSet<>(known)));
    }

    @Test
    void findsEveryCycleAndOnlyCycles() {
        PackageGraph graph = new PackageGraph();
        graph.add(new ClassReferences("a.A", Set.of("b.B")));
        graph.add(new ClassReferences("b.B", Set.of("c.C", "d.D")));
        graph.add(new ClassReferences("c.C", Set.of("a.A")));
        graph.add(new ClassReferences("d.D", Set.of("e.E")));
        graph.add(new ClassReferences("e.E", Set.of("d.Other")));
        graph.add(new ClassReferences("f.F", Set.of("a.A")));
        graph.add(new ClassReferences("g.G", Set.of("g.Same")));

        assertThat(graph.cycles()).containsExactlyInAnyOrder(new TreeSet<>(Set.of("a", "b", "c")),
                new TreeSet<>(Set.of("d", "e")));
        assertThat(graph.explain(Set.of("d", "e"))).containsExactly("d -> e (by D)", "e -> d (by E)");
    }

    @Test
    void readsTheTypesAClassNamesButNotItsStringLiterals() throws IOException {
        ClassReferences uses = read(UsesAnException.class);
        ClassReferences mentions = read(MentionsAClassInAString.class);

        assertThat(uses.className()).isEqualTo(UsesAnException.class.getName());
        assertThat(uses.references()).contains(ValidationException.class.getName());
        assertThat(mentions.references()).doesNotContain(ValidationException.class.getName());
    }

    private static ClassReferences read(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getPackageName().length() + 1) + ".class")) {
            return ClassReferences.read(in);
        }
    }

    /** Names one of our types in a signature. */
    private static final class UsesAnException {
        ValidationException failure(String field) {
            return new ValidationException(field, "rule", null);
        }
    }

    /** Names one of our types only in a string. */
    private static final class MentionsAClassInAString {
        @Override
        public String toString() {
            return "io/github/walletdevice/core/ValidationException";
        }
    }
}
