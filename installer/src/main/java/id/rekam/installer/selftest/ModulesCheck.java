package id.rekam.installer.selftest;

import java.io.File;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The app-image's runtime is cut down by jlink, and a JDK module a library needs only at
 * first use (javafx.fxml needs java.scripting when the first FXML view loads) shows up as a
 * crash at the first screen, long after start-up checks ran. Every modular jar on the class
 * path declares what it requires, so the self-test compares those declarations with the
 * modules this runtime actually has.
 */
public final class ModulesCheck extends SelfTestCheck {

    private final List<Path> classPath;
    private final Predicate<String> runtimeHas;

    public ModulesCheck() {
        this(classPathJars(), name -> ModuleLayer.boot().findModule(name).isPresent()
                || ModuleFinder.ofSystem().find(name).isPresent());
    }

    ModulesCheck(List<Path> classPath, Predicate<String> runtimeHas) {
        this.classPath = List.copyOf(classPath);
        this.runtimeHas = runtimeHas;
    }

    @Override
    public String name() {
        return "runtime modules";
    }

    @Override
    public CheckResult run() {
        List<String> failures = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        int modularJars = 0;
        for (Path jar : classPath) {
            ModuleDescriptor descriptor = descriptorOf(jar);
            if (descriptor == null) {
                continue;
            }
            modularJars++;
            for (ModuleDescriptor.Requires r : descriptor.requires()) {
                if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC) || !isPlatform(r.name())) {
                    continue;
                }
                checked.add(r.name());
                if (!runtimeHas.test(r.name())) {
                    failures.add(jar.getFileName() + " (" + descriptor.name() + ") requires " + r.name()
                            + ", which this runtime lacks: add it to the jlink modules");
                }
            }
        }
        return CheckResult.of(failures, List.of(modularJars + " modular jars; JDK modules they require present: "
                + String.join(", ", checked)));
    }

    private static boolean isPlatform(String module) {
        return module.startsWith("java.") || module.startsWith("jdk.");
    }

    private static ModuleDescriptor descriptorOf(Path jar) {
        try {
            return ModuleFinder.of(jar).findAll().stream().findFirst()
                    .map(ModuleReference::descriptor)
                    .filter(d -> !d.isAutomatic())
                    .orElse(null);
        } catch (FindException e) {
            return null;
        }
    }

    private static List<Path> classPathJars() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
                jars.add(Path.of(entry));
            }
        }
        return jars;
    }
}
