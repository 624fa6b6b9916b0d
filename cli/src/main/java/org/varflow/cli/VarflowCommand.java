package org.varflow.cli;

import java.nio.file.Path;
import org.varflow.Varflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The root command. Its subcommands are registered by {@link Main} from {@link #SUBCOMMANDS}: only the one a command
 * line names (picocli builds a command's model, and Guice its object, for every registered subcommand at start-up),
 * all of them when the line names none, an unknown one, or {@code completion}.
 */
@Command(name = "varflow", mixinStandardHelpOptions = true, versionProvider = VarflowCommand.Version.class,
        description = {
            "Optimisation, sampling and inference as variational flows built from five parts:",
            "space, metric, energy, entropy, noise (plus a time-discretisation scheme).",
            "",
            "  dx = [ -K(x) grad E(x) + J(x) grad E(x) + beta^-1 div K(x) ] dt + sqrt(2 beta^-1 K(x)) dW",
            ""},
        footer = {"", "Examples:", "  varflow list", "  varflow explain langevin",
            "  varflow run langevin --set entropy.beta=2 --particles 5000",
            "  varflow run gradient-descent --scheme minimizing-movement --dt 0.5"})
public final class VarflowCommand implements java.util.concurrent.Callable<Integer> {
    /** The subcommands by name, in the order the usage lists them. */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands(ListCommand.class, ExplainCommand.class,
            RunCommand.class, ResumeCommand.class, CheckCommand.class, SpecCommand.class, CompareCommand.class,
            SweepCommand.class, TableCommand.class, DemoCommand.class, ExerciseCommand.class, DistanceCommand.class,
            CompletionCommand.class, ServeCommand.class);
    /** Subcommands that read the whole command tree (the completion script covers every subcommand). */
    static final java.util.Set<String> NEED_ALL = java.util.Set.of("completion");

    @Option(names = "--plugin-path", paramLabel = "DIR",
            description = "Also load the plugin jars in DIR (read before anything else).")
    Path pluginPath;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: print the usage and fail as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }

    private static java.util.Map<String, Class<?>> subcommands(Class<?>... classes) {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        for (Class<?> c : classes) {
            m.put(c.getAnnotation(Command.class).name(), c);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The subcommand a command line names: its first argument that is not a root option (nor the directory of
     * {@code --plugin-path}), or null.
     */
    static String named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--plugin-path")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /** Prints the varflow version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"varflow " + Varflow.VERSION, "Java " + System.getProperty("java.version")};
        }
    }
}
