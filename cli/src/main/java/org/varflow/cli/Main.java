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
import org.varflow.api.PartFailureException;
import org.varflow.api.io.Decimal;
import org.varflow.api.io.Excerpt;
import org.varflow.api.io.IoErrors;
import org.varflow.core.discovery.DiscoveryReport;
import org.varflow.core.discovery.PluginDiscovery;
import org.varflow.core.registry.PartsModule;
import picocli.CommandLine;

/**
 * The {@code varflow} command. Discovers plugins (including jars in {@code --plugin-path DIR}), creates the one
 * Guice injector, and lets picocli build the subcommand the line names through it (all of them for usage, typos
 * and completion; see {@link VarflowCommand}). Every error ends in one message on stderr (text from input in it
 * escaped and shortened: {@link Excerpt#message}) and an exit code: 2 for bad input (or outputs that cannot be
 * written), 3 for a numerical failure, 4 for a failed check, 5 when the JVM runs out of memory, 6 when a part fails
 * (a plugin's fault), 7 when a run exceeds its {@code --timeout}, 1 for an internal error.
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
    /** A part failed: it threw, recursed without end, missed a class or called System.exit (a plugin's fault). */
    public static final int PART_FAILED = 6;
    /** A run took longer than its --timeout. */
    public static final int TIMED_OUT = 7;

    /** An option's number: a plain decimal ({@link Decimal}), else a usage error quoting what was given. */
    static Double decimal(String text) {
        try {
            return Decimal.parse(text);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(Excerpt.quote(text) + " is not a number (expected a plain"
                    + " decimal such as -1.5 or 2e-3)");
        }
    }

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
            Path pluginDir = pluginPath(args);
            ClassLoader loader = loaderFor(pluginDir, err);
            DiscoveryReport report = PluginDiscovery.discover(loader);
            if (pluginDir != null && !isList(args)) {
                for (var problem : report.problems()) {
                    err.println("varflow: warning: " + Excerpt.message(problem.toString()));
                }
            }
            injector = Guice.createInjector(new PartsModule(report), new AbstractModule() {
                @Override
                protected void configure() {
                    bind(PrintWriter.class).annotatedWith(Stdout.class).toInstance(out);
                    bind(PrintWriter.class).annotatedWith(Stderr.class).toInstance(err);
                }
            });
        } catch (ConfigurationException e) {
            err.println("varflow: " + Excerpt.message(e.getMessage()));
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
        // numbers in options are plain decimals, as everywhere else: picocli's own converter takes 0x1p3 and 1d
        // one converter object for both: two call sites of the same method reference make two identical lambda
        // proxies, which crash JDK 17's class-data sharing dump (SystemDictionaryShared::
        // adjust_lambda_proxy_class_dictionary) when the start-up archive is made
        CommandLine.ITypeConverter<Double> decimal = Main::decimal;
        cl.registerConverter(Double.class, decimal);
        cl.registerConverter(Double.TYPE, decimal);
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("varflow: " + Excerpt.message(ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("See '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> handle(ex, c.getErr()));
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("varflow: out of memory: the JVM may use " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB and this command needed more (for a run: its particles times its dimension; for a"
                    + " distance: the sizes of the samples); give less, or a larger heap (e.g."
                    + " VARFLOW_JAVA_OPTS=-Xmx8g)");
            return OUT_OF_MEMORY;
        } catch (StackOverflowError e) {
            StackTraceElement top = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
            err.println("varflow: internal error: StackOverflowError" + (top == null ? "" : " in "
                    + top.getClassName() + "." + top.getMethodName()) + debugHint());
            return INTERNAL;
        } catch (LinkageError e) {
            err.println("varflow: internal error: " + Excerpt.message(e.toString()) + " (a class is missing or does"
                    + " not match: is a plugin jar built against another varflow version?)" + debugHint());
            return INTERNAL;
        }
    }

    private static String debugHint() {
        return System.getenv("VARFLOW_DEBUG") == null ? " (set VARFLOW_DEBUG=1 for the stack trace)" : "";
    }

    /** Whether the subcommand is {@code list} (which prints the plugins' warnings itself). */
    private static boolean isList(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--plugin-path")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i].equals("list");
            }
        }
        return false;
    }

    static int handle(Exception ex, PrintWriter err) {
        if (ex instanceof ConfigurationException) {
            err.println("varflow: " + Excerpt.message(ex.getMessage()));
            return USAGE;
        }
        if (ex instanceof NumericalException) {
            err.println("varflow: numerical failure: " + Excerpt.message(ex.getMessage()));
            return NUMERICAL;
        }
        if (ex instanceof PartFailureException) {
            err.println("varflow: part failure: " + Excerpt.message(ex.getMessage()));
            debug(ex, err);
            return PART_FAILED;
        }
        if (ex instanceof RunTimedOutException) {
            err.println("varflow: " + Excerpt.message(ex.getMessage()));
            return TIMED_OUT;
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            IOException io = ex instanceof IOException e ? e : ((UncheckedIOException) ex).getCause();
            String message = ex.getMessage() == null ? "" : ex.getMessage();
            String reason = IoErrors.reason(io);
            err.println("varflow: " + Excerpt.message(message.contains(reason) ? message
                    : message + ": " + reason));
            return USAGE;
        }
        err.println("varflow: internal error: " + Excerpt.message(ex.toString()) + debugHint());
        debug(ex, err);
        return INTERNAL;
    }

    private static void debug(Exception ex, PrintWriter err) {
        if (System.getenv("VARFLOW_DEBUG") != null) {
            ex.printStackTrace(err);
        }
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

    private static ClassLoader loaderFor(Path dir, PrintWriter err) {
        ClassLoader parent = Main.class.getClassLoader();
        if (dir == null) {
            return parent;
        }
        String shown = Excerpt.path(dir.toString());
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException("--plugin-path " + shown + " is not a directory");
        }
        List<URL> urls = new ArrayList<>();
        int jars = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                jars++;
                String problem = PluginJarCheck.problem(jar);
                if (problem != null) {
                    err.println("varflow: warning: --plugin-path: skipped " + Excerpt.path(jar.getFileName()
                            .toString()) + ": " + problem);
                    continue;
                }
                urls.add(jar.toUri().toURL());
            }
        } catch (IOException e) {
            throw new ConfigurationException("--plugin-path " + shown + " cannot be read: " + IoErrors.reason(e));
        }
        if (jars == 0) {
            throw new ConfigurationException("--plugin-path " + shown + " holds no .jar files");
        }
        return urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(new URL[0]), parent);
    }
}
