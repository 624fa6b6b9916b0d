package org.varflow.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The training run of the application class-data sharing (CDS) archive that {@code ./varflow} starts the JVM with:
 * the commands people type most, in one JVM, with their output discarded, so that the classes they load are in the
 * archive the JVM writes at exit ({@code -XX:ArchiveClassesAtExit}). The build runs it after the jar is made
 * (cli/target/varflow.jsa); the launcher runs it again when the archive is missing or older than the jar.
 *
 * <pre>java -XX:ArchiveClassesAtExit=cli/target/varflow.jsa -cp cli/target/varflow.jar \
 *     org.varflow.cli.ClassDataTraining</pre>
 *
 * An archive only speeds up class loading: with none, or a stale one, every command still runs the same.
 */
public final class ClassDataTraining {
    /** The command lines the archive is trained on. */
    static final String[][] COMMANDS = {
        {"run", "gradient-descent"},
        {"run", "langevin", "--particles", "2000", "--time", "0.5"},
        {"list"},
        {"explain", "langevin"},
        {"--help"},
    };

    private ClassDataTraining() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED"); // as Main: the same classes are loaded
        }
        int failed = 0;
        for (String[] command : COMMANDS) {
            PrintWriter sink = new PrintWriter(new StringWriter());
            int code = Main.execute(command, sink, sink);
            if (code != 0 && !command[0].equals("--help")) {
                failed++;
                System.err.println("varflow CDS training: '" + String.join(" ", command) + "' exited with " + code);
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
