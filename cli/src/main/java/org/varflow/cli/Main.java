package org.varflow.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.varflow.api.ConfigurationException;
import org.varflow.api.NumericalException;
import org.varflow.core.discovery.DiscoveryReport;
import org.varflow.core.discovery.PluginDiscovery;
import org.varflow.core.registry.PartsModule;
import picocli.CommandLine;

/**
 * The {@code varflow} command. Discovers plugins (including jars in {@code --plugin-path DIR}), creates the one
 * Guice injector, and lets picocli build the subcommand the line names through it (all of them for usage, typos
 * and completion; see {@link VarflowCommand}). Every error ends in one message on stderr and
 * an exit code: 2 for bad input, 3 for a numerical failure, 4 for a failed check, 5 when the JVM runs out of memory,
 * 1 for an internal error.
 */
public final class Main {
    /** Bad input: unknown id, invalid value, incompatible composition, malformed spec. */
    public static final int USAGE = 2;
    /** The run went numerically wrong (NaN, overflow, inner solver failure). */
    public static final int NUMERICAL = 3;
    /** A bug. */
    public static final int INTERNAL = 1;
    /** A check of {@code varflow check} failed. */
    public static final int CHECK_FAILED = 4;
    /** The JVM ran out of memory: not bad input, but a run too large for the heap it was given. */
    public static final int OUT_OF_MEMORY = 5;

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // plots render without a display
        }
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            // Guice then calls constructors by reflection instead of generating a class for each at start-up (a
            // command creates each object once: generating costs more than it saves)
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line and returns the exit code; used by the tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Injector injector;
        try {
            ClassLoader loader = loaderFor(pluginPath(args));
            DiscoveryReport report = PluginDiscovery.discover(loader);
            injector = Guice.createInjector(new PartsModule(report), new AbstractModule() {
                @Override
                protected void configure() {
                    bind(PrintWriter.class).annotatedWith(Stdout.class).toInstance(out);
                    bind(PrintWriter.class).annotatedWith(Stderr.class).toInstance(err);
                }
            });
        } catch (ConfigurationException e) {
            err.println("varflow: " + e.getMessage());
            return USAGE;
        }
        CommandLine cl = new CommandLine(VarflowCommand.class, new GuiceFactory(injector));
        // before the settings below, which reach the subcommands registered at the time
        String named = VarflowCommand.named(args);
        boolean all = named == null || !VarflowCommand.SUBCOMMANDS.containsKey(named)
                || VarflowCommand.NEED_ALL.contains(named);
        VarflowCommand.SUBCOMMANDS.forEach((name, type) -> {
            if (all || name.equals(named)) {
                cl.addSubcommand(name, type);
            }
        });
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("varflow: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("See '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> handle(ex, c.getErr()));
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("varflow: out of memory: the JVM may use " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB and this run needs more; give fewer --particles or a smaller dimension, or a larger heap"
                    + " (e.g. VARFLOW_JAVA_OPTS=-Xmx8g)");
            return OUT_OF_MEMORY;
        }
    }

    static int handle(Exception ex, PrintWriter err) {
        if (ex instanceof ConfigurationException) {
            err.println("varflow: " + ex.getMessage());
            return USAGE;
        }
        if (ex instanceof NumericalException) {
            err.println("varflow: numerical failure: " + ex.getMessage());
            return NUMERICAL;
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            err.println("varflow: " + ex.getMessage());
            return USAGE;
        }
        err.println("varflow: internal error: " + ex + (System.getenv("VARFLOW_DEBUG") == null
                ? " (set VARFLOW_DEBUG=1 for the stack trace)" : ""));
        if (System.getenv("VARFLOW_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return INTERNAL;
    }

    /** The value of {@code --plugin-path} (or null), read before the command line is parsed. */
    static Path pluginPath(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--plugin-path")) {
                if (i + 1 >= args.length) {
                    throw new ConfigurationException("--plugin-path needs a directory");
                }
                return Path.of(args[i + 1]);
            }
            if (a.startsWith("--plugin-path=")) {
                return Path.of(a.substring("--plugin-path=".length()));
            }
        }
        return null;
    }

    private static ClassLoader loaderFor(Path dir) {
        ClassLoader parent = Main.class.getClassLoader();
        if (dir == null) {
            return parent;
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException("--plugin-path " + dir + " is not a directory");
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        } catch (IOException e) {
            throw new ConfigurationException("--plugin-path " + dir + " cannot be read: " + e.getMessage());
        }
        if (urls.isEmpty()) {
            throw new ConfigurationException("--plugin-path " + dir + " holds no .jar files");
        }
        return new URLClassLoader(urls.toArray(new URL[0]), parent);
    }
}
