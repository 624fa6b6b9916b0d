package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.varflow.api.Plugin;

/** Compiles plugin sources against the api jar alone and packs them, as a third party would. */
final class PluginJars {
    private PluginJars() {
    }

    /** The api jar (or classes directory) on the test class path. */
    static String apiOnly() throws Exception {
        return Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /**
     * Compiles every .java under {@code sources} with nothing but the api on the class path, copies the files under
     * {@code resources} (if it exists) and writes the jar.
     */
    static void build(Path sources, Path resources, Path work, Path jar) throws Exception {
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-classpath", apiOnly(), "-d",
                classes.toString()));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, args.toArray(new String[0]));
        assertThat(rc).as("the plugin compiles against varflow-api alone").isZero();
        if (resources != null && Files.isDirectory(resources)) {
            try (Stream<Path> walk = Files.walk(resources)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    Path target = classes.resolve(resources.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
