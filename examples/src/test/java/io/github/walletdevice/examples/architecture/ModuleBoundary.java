package io.github.walletdevice.examples.architecture;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule of a published module's descriptor: every package is API and exported to everyone, except the
 * {@code ….internal} ones (a package named {@code internal} or below one), which are not exported, or only to our
 * own modules ({@code io.github.walletdevice.…}), and not opened to everyone.
 */
final class ModuleBoundary {
    private static final String OURS = "io.github.walletdevice.";

    private ModuleBoundary() {
    }

    /**
     * Whether a package is plumbing rather than API.
     *
     * @param pkg a package name
     * @return true when one of its names is {@code internal}
     */
    static boolean internal(String pkg) {
        return List.of(pkg.split("\\.")).contains("internal");
    }

    /**
     * What a descriptor breaks of the rule.
     *
     * @param module a published module's descriptor (with its packages)
     * @return one sentence per broken rule; empty when it keeps them all
     */
    static List<String> violations(ModuleDescriptor module) {
        List<String> problems = new ArrayList<>();
        for (String pkg : module.packages().stream().sorted().toList()) {
            Optional<Exports> exported = module.exports().stream().filter(e -> e.source().equals(pkg)).findFirst();
            if (!internal(pkg)) {
                if (exported.isEmpty() || exported.get().isQualified()) {
                    problems.add(module.name() + " does not export its API package " + pkg + " to everyone");
                }
                continue;
            }
            if (exported.isPresent() && !exported.get().isQualified()) {
                problems.add(module.name() + " exports its internal package " + pkg + " to everyone");
            }
            exported.map(Exports::targets).stream().flatMap(Set::stream).filter(t -> !t.startsWith(OURS))
                    .forEach(t -> problems.add(module.name() + " exports its internal package " + pkg + " to " + t));
            boolean openToAll = module.isOpen()
                    || module.opens().stream().anyMatch(o -> o.source().equals(pkg) && !o.isQualified());
            if (openToAll) {
                problems.add(module.name() + " opens its internal package " + pkg + " to everyone");
            }
        }
        return problems;
    }
}
