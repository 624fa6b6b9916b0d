package org.varflow.core.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.FlowSpec;
import org.varflow.api.NumericalException;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.core.testing.Flows;

/** The CSV written by a run: complete after success, absent (with no leftovers) after a failure. */
class CsvSinkTest {
    private static final Varflow VARFLOW = Flows.varflow();

    @TempDir
    Path dir;

    @Test
    void writesAHeaderAndOneRowPerObservation() throws IOException {
        Path csv = dir.resolve("run.csv");
        FlowSpec spec = Flows.reference2d("euler", 100, 0.01).withEvery(10);

        Varflow.Outcome out = VARFLOW.run(spec, new RunControl(1), csv);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("step,time,energy,free_energy,x1,x2");
        assertThat(lines).hasSize(1 + 100 / 10 + 1);
        String[] first = lines.get(1).split(",", -1);
        assertThat(first[0]).isEqualTo("0");
        // E(x0) = [2,1] A [2,1] / 2 - b.x0 = 18/2 - 1 = 8; deterministic, so F = E
        assertThat(Double.parseDouble(first[2])).isCloseTo(8.0, within(1e-15));
        assertThat(Double.parseDouble(first[3])).isCloseTo(8.0, within(1e-15));
        String[] last = lines.get(lines.size() - 1).split(",", -1);
        assertThat(last[0]).isEqualTo("100");
        assertThat(Double.parseDouble(last[1])).isCloseTo(1.0, within(1e-12));
        // Double.toString round-trips: the last row holds the final state exactly
        double[] x = out.result().particle(0);
        assertThat(Double.parseDouble(last[4])).isEqualTo(x[0]);
        assertThat(Double.parseDouble(last[5])).isEqualTo(x[1]);
        assertThat(onlyFile()).isEqualTo(csv);
    }

    @Test
    void theLastStepIsRecordedWhenStepsAreNotAMultipleOfEvery() throws IOException {
        Path csv = dir.resolve("run.csv");
        VARFLOW.run(Flows.reference2d("euler", 25, 0.01).withEvery(10), new RunControl(1), csv);

        List<String> steps = Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")[0]).toList();
        assertThat(steps).containsExactly("0", "10", "20", "25");
    }

    @Test
    void anEnsembleGetsMeansAndVariances() throws IOException {
        Path csv = dir.resolve("ensemble.csv");
        FlowSpec spec = Flows.langevin(2, "0", 1.0, 10, 20, 0.01, 3).withEvery(5);

        VARFLOW.run(spec, new RunControl(1), csv);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("step,time,energy,free_energy,mean_x1,mean_x2,var_x1,var_x2");
        assertThat(lines).hasSize(1 + 20 / 5 + 1);
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line.split(",", -1)).hasSize(8);
        }
    }

    /* h = 10 multiplies the top eigen-direction by |1 - 36.2| per step: overflow (1e154) within about 100 steps. */
    @Test
    void aDivergingRunLeavesNoFile() throws IOException {
        Path csv = dir.resolve("diverged.csv");
        FlowSpec spec = Flows.reference2d("euler", 10_000, 10.0).withEvery(1);

        assertThatThrownBy(() -> VARFLOW.run(spec, new RunControl(1), csv)).isInstanceOf(NumericalException.class);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private Path onlyFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
