package org.varflow.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.varflow.cli.Main;

/**
 * The job jar's main class for spark-submit: {@code spark-submit --class org.varflow.spark.SweepApp
 * varflow-spark.jar PRESET --vary ... --out DIR} runs {@code varflow sweep PRESET ... --engine spark} on the master
 * spark-submit chose. Returns normally on success, so Spark's own shutdown runs; exits with the sweep's code
 * otherwise.
 */
public final class SweepApp {
    private SweepApp() {
    }

    public static void main(String[] args) {
        List<String> command = new ArrayList<>();
        command.add("sweep");
        command.addAll(List.of(args));
        if (command.stream().noneMatch(a -> a.equals("--engine") || a.startsWith("--engine="))) {
            command.add("--engine");
            command.add(SparkSweepEngine.ID);
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = Main.execute(command.toArray(new String[0]), out, err);
        out.flush();
        err.flush();
        if (code != 0) {
            System.exit(code);
        }
    }
}
