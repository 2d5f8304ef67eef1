package io.github.walletdevice.examples.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which of our packages uses which, with the classes that make each use, and the cycles among them: a cycle is a
 * strongly connected component of more than one package (Tarjan's algorithm).
 */
final class PackageGraph {
    /** Package to the packages it uses, each with the classes of the first that use it. */
    private final Map<String, Map<String, SortedSet<String>>> uses = new TreeMap<>();

    /**
     * Reads every class of the given jars and class directories, except {@code module-info} and the versioned
     * classes of multi-release jars.
     *
     * @param roots jars and directories
     * @return their package graph
     */
    static PackageGraph read(List<Path> roots) {
        PackageGraph graph = new PackageGraph();
        for (Path root : roots) {
            try {
                if (Files.isDirectory(root)) {
                    try (Stream<Path> files = Files.walk(root)) {
                        for (Path file : files.filter(PackageGraph::isClass).toList()) {
                            try (InputStream in = Files.newInputStream(file)) {
                                graph.add(ClassReferences.read(in));
                            }
                        }
                    }
                } else {
                    try (ZipFile jar = new ZipFile(root.toFile())) {
                        for (ZipEntry entry : jar.stream().filter(e -> isClass(Path.of(e.getName()))).toList()) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                graph.add(ClassReferences.read(in));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the classes of " + root, e);
            }
        }
        return graph;
    }

    private static boolean isClass(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".class") && !name.equals("module-info.class") && !file.startsWith("META-INF");
    }

    /**
     * Adds one class and the uses it makes.
     *
     * @param references the class and the classes it names
     */
    void add(ClassReferences references) {
        String from = ClassReferences.packageOf(references.className());
        Map<String, SortedSet<String>> targets = uses.computeIfAbsent(from, p -> new TreeMap<>());
        for (String used : references.references()) {
            String to = ClassReferences.packageOf(used);
            if (!to.equals(from)) {
                targets.computeIfAbsent(to, p -> new TreeSet<>()).add(simpleName(references.className()));
            }
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /**
     * The packages read.
     *
     * @return every package that holds a class
     */
    Set<String> packages() {
        return uses.keySet();
    }

    /**
     * The package cycles, each as its sorted packages.
     *
     * @return every strongly connected component of two or more packages
     */
    List<SortedSet<String>> cycles() {
        return new Tarjan().components().stream().filter(c -> c.size() > 1).toList();
    }

    /**
     * Explains a cycle: each use between its packages, with the classes that make it.
     *
     * @param cycle packages of one cycle
     * @return lines such as {@code a -> b (by Foo, Bar)}
     */
    List<String> explain(Set<String> cycle) {
        List<String> lines = new ArrayList<>();
        for (String from : new TreeSet<>(cycle)) {
            uses.getOrDefault(from, Map.of()).forEach((to, by) -> {
                if (cycle.contains(to)) {
                    lines.add(from + " -> " + to + " (by " + String.join(", ", by) + ")");
                }
            });
        }
        return lines;
    }

    /** Tarjan's strongly connected components over {@link #uses}. */
    private final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> lowLink = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<SortedSet<String>> components = new ArrayList<>();

        List<SortedSet<String>> components() {
            for (String node : uses.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            lowLink.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : uses.getOrDefault(node, Map.of()).keySet()) {
                if (!index.containsKey(next)) {
                    visit(next);
                    lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(next)));
                } else if (onStack.contains(next)) {
                    lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
                }
            }
            if (lowLink.get(node).equals(index.get(node))) {
                SortedSet<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                components.add(component);
            }
        }
    }
}
