package org.varflow.cli;

import java.nio.file.Path;
import org.varflow.Varflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The root command. */
@Command(name = "varflow", mixinStandardHelpOptions = true, versionProvider = VarflowCommand.Version.class,
        description = {
            "Optimisation, sampling and inference as variational flows built from five parts:",
            "space, metric, energy, entropy, noise (plus a time-discretisation scheme).",
            "",
            "  dx = [ -K(x) grad E(x) + J(x) grad E(x) + beta^-1 div K(x) ] dt + sqrt(2 beta^-1 K(x)) dW",
            ""},
        subcommands = {ListCommand.class, ExplainCommand.class, RunCommand.class, ResumeCommand.class,
            CheckCommand.class, SpecCommand.class, CompareCommand.class, SweepCommand.class, TableCommand.class,
            DemoCommand.class, ExerciseCommand.class, DistanceCommand.class, CompletionCommand.class,
            ServeCommand.class},
        footer = {"", "Examples:", "  varflow list", "  varflow explain langevin",
            "  varflow run langevin --set entropy.beta=2 --particles 5000",
            "  varflow run gradient-descent --scheme minimizing-movement --dt 0.5"})
public final class VarflowCommand implements java.util.concurrent.Callable<Integer> {

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

    /** Prints the varflow version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"varflow " + Varflow.VERSION, "Java " + System.getProperty("java.version")};
        }
    }
}
