package io.github.walletdevice.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each published jar's module descriptor exports its API and hides its plumbing ({@link ModuleBoundary}). Read from
 * the jars the build made (or, before packaging, from the {@code target/module-classes} they are made of).
 */
class ModuleDescriptorsTest {
    /** The published modules; examples depend on each, so each is on this module's test class path. */
    static final List<String> PUBLISHED = List.of("walletdevice-core", "walletdevice-transport-okhttp",
            "walletdevice-felica", "walletdevice-gateway-client", "walletdevice-gateway-server",
            "walletdevice-thredd-client");

    @Test
    void everyPublishedJarExportsItsApiPackagesAndNoInternalOne() {
        List<ClassRoot> published = ClassRoot.onClassPath().stream().filter(ClassRoot::published).toList();
        assertThat(published).extracting(ClassRoot::artifactId).containsExactlyInAnyOrderElementsOf(PUBLISHED);

        List<String> problems = new ArrayList<>();
        for (ClassRoot root : published) {
            ModuleDescriptor module = descriptorOf(root);
            assertThat(module.isAutomatic()).as("%s has a module-info.class", root.path()).isFalse();
            assertThat(module.name()).as(root.artifactId()).startsWith("io.github.walletdevice.");
            problems.addAll(ModuleBoundary.violations(module));
        }
        assertThat(problems).isEmpty();
    }

    private static ModuleDescriptor descriptorOf(ClassRoot root) {
        Path location = root.moduleLocation();
        boolean exploded = Files.isDirectory(location);
        assertThat(exploded ? location.resolve("module-info.class") : location)
                .as("the module of %s (the jpms profile of the parent POM builds it)", root.artifactId()).exists();
        Set<ModuleReference> found = ModuleFinder.of(location).findAll();
        assertThat(found).as(location.toString()).hasSize(1);
        return found.iterator().next().descriptor();
    }

    @Test
    void exportingTheApiAndNotThePlumbingKeepsTheRule() {
        ModuleDescriptor module = ModuleDescriptor.newModule("io.github.walletdevice.x")
                .exports("io.github.walletdevice.x")
                .exports("io.github.walletdevice.x.internal", Set.of("io.github.walletdevice.y"))
                .opens("io.github.walletdevice.x.internal.xml", Set.of("jakarta.xml.bind"))
                .packages(Set.of("io.github.walletdevice.x.internal.xml"))
                .build();

        assertThat(ModuleBoundary.violations(module)).isEmpty();
    }

    @Test
    void anInternalPackageExportedOrOpenedBeyondOurModulesBreaksTheRule() {
        ModuleDescriptor module = ModuleDescriptor.newModule("io.github.walletdevice.x")
                .exports("io.github.walletdevice.x")
                .exports("io.github.walletdevice.x.internal")
                .exports("io.github.walletdevice.x.internal.json", Set.of("com.example.app"))
                .opens("io.github.walletdevice.x.internal.xml")
                .build();

        assertThat(ModuleBoundary.violations(module)).containsExactly(
                "io.github.walletdevice.x exports its internal package io.github.walletdevice.x.internal to everyone",
                "io.github.walletdevice.x exports its internal package io.github.walletdevice.x.internal.json to"
                        + " com.example.app",
                "io.github.walletdevice.x opens its internal package io.github.walletdevice.x.internal.xml to everyone");
    }

    @Test
    void anApiPackageNotExportedToEveryoneBreaksTheRule() {
        ModuleDescriptor module = ModuleDescriptor.newModule("io.github.walletdevice.x")
                .exports("io.github.walletdevice.x.spi", Set.of("io.github.walletdevice.y"))
                .packages(Set.of("io.github.walletdevice.x", "io.github.walletdevice.x.internals"))
                .build();

        assertThat(ModuleBoundary.violations(module)).containsExactly(
                "io.github.walletdevice.x does not export its API package io.github.walletdevice.x to everyone",
                "io.github.walletdevice.x does not export its API package io.github.walletdevice.x.internals to"
                        + " everyone",
                "io.github.walletdevice.x does not export its API package io.github.walletdevice.x.spi to everyone");
    }
}
