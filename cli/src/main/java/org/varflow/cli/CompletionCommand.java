package org.varflow.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code varflow completion}: prints a bash (and zsh, via bashcompinit) completion script made by picocli. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script (bash; zsh with bashcompinit).",
            "It completes subcommands and options; in zsh run 'autoload -U bashcompinit && bashcompinit' first."},
        footer = {"", "Examples:", "  source <(varflow completion)                  # this shell",
            "  varflow completion > ~/.local/share/bash-completion/completions/varflow"})
final class CompletionCommand implements Callable<Integer> {
    private final PrintWriter out;

    @Spec
    CommandSpec spec;

    @Inject
    CompletionCommand(@Stdout PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        out.print(AutoComplete.bash("varflow", spec.root().commandLine()));
        out.flush();
        return 0;
    }
}
