package org.varflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.core.output.AtomicFile;
import org.varflow.core.run.RunControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code varflow resume DIR}: continues a run started with {@code --out DIR --checkpoint-every N} from
 * DIR/checkpoint.bin. The result is bitwise-identical to the uninterrupted run (wall time aside). A run that finished
 * removes its checkpoint: resuming it says so and prints the summary it wrote.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a run from the checkpoint in DIR (written by 'run --out DIR --checkpoint-every N').",
            "The result is bitwise-identical to the run had it not been interrupted. A run that finished has no",
            "checkpoint left: resume says so and prints its summary (exit 0)."},
        footer = {"", "Examples:", "  varflow run langevin --particles 100000 --out big --checkpoint-every 100",
            "  varflow resume big"})
final class ResumeCommand implements Callable<Integer> {
    private final Varflow varflow;
    private final PrintWriter out;

    @Parameters(paramLabel = "DIR", description = "the --out directory of the interrupted run")
    Path dir;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "keep checkpointing every N steps")
    Long checkpointEvery;

    @Mixin
    SharedOptions.Execution execution = new SharedOptions.Execution();

    @Option(names = "--summary", paramLabel = "FILE", description = "write the JSON summary to FILE, not stdout")
    Path summaryFile;

    private final PrintWriter err;

    @Inject
    ResumeCommand(Varflow varflow, @Stdout PrintWriter out, @Stderr PrintWriter err) {
        this.varflow = varflow;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException("resume " + dir + ": not a directory; give the --out DIR of the run");
        }
        if (checkpointEvery != null && checkpointEvery < 1) {
            throw new ConfigurationException("--checkpoint-every " + checkpointEvery + " needs a whole number >= 1");
        }
        RunCommand.checkWritable(dir, summaryFile);
        Path checkpoint = dir.resolve(RunCommand.CHECKPOINT);
        Path summary = dir.resolve(RunCommand.SUMMARY);
        if (!Files.exists(checkpoint) && Files.isRegularFile(summary)) {
            return finished(summary);
        }
        RunControl control = execution.control();
        return Interruptible.run(control, () -> {
            Varflow.Outcome outcome = varflow.resume(dir.resolve(RunCommand.CHECKPOINT), control,
                    dir.resolve(RunCommand.TRAJECTORY), checkpointEvery == null ? 0 : checkpointEvery);
            RunCommand.writeSummary(outcome, dir, summaryFile, out);
            return 0;
        });
    }

    /** The run in DIR completed (its checkpoint was removed): say so, and print the summary it wrote. */
    private int finished(Path summary) throws Exception {
        String json = Files.readString(summary);
        JsonNode tree;
        try {
            tree = new ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigurationException("resume " + dir + ": no checkpoint, and " + summary
                    + " is not a run summary (" + e.getOriginalMessage() + ")");
        }
        if (tree.path("diagnostics").path("stoppedEarly").asBoolean(false)) {
            throw new ConfigurationException("resume " + dir + ": the run was stopped early but left no checkpoint"
                    + " (it was started without --checkpoint-every); run it again with --checkpoint-every N");
        }
        if (!execution.quiet) {
            err.println("varflow: the run in " + dir + " finished (" + tree.path("steps").asText() + " steps, t = "
                    + tree.path("time").asText() + "): nothing to resume; its summary follows");
        }
        if (summaryFile != null) {
            AtomicFile.write(summaryFile, json);
        } else {
            out.print(json);
            out.flush();
        }
        return 0;
    }
}
