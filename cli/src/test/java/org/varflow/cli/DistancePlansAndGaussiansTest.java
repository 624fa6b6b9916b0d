package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.io.CsvTable;
import org.varflow.ot.Costs;
import org.varflow.ot.GaussianW2;
import org.varflow.ot.Wasserstein1D;

/**
 * {@code distance} with plans (sinkhorn, emd, w2 {@code --plan}), Sinkhorn's limits ({@code --max-iterations},
 * {@code --tolerance}) and the closed-form Gaussian W2 ({@code distance gaussian}), against the ot module and closed
 * forms.
 */
class DistancePlansAndGaussiansTest {
    @TempDir
    Path dir;

    Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static JsonNode json(CliRunner r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    static String cloud(Random r, int n, int d, double shift) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                s.append(a == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", shift + r.nextGaussian()));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** The plan's marginals are the weights, and its cost is the reported value. */
    @Test
    void sinkhornWritesItsPlanAndTakesItsLimits() throws Exception {
        Random r = new Random(1);
        Path a = file("a.csv", cloud(r, 7, 2, 0));
        Path b = file("b.csv", cloud(r, 5, 2, 1));
        Path plan = dir.resolve("plan.csv");
        JsonNode out = json(CliRunner.run("distance", "sinkhorn", a.toString(), b.toString(), "--eps", "0.1",
                "--plan", plan.toString(), "--json"));
        assertThat(out.get("converged").asBoolean()).isTrue();
        assertThat(out.get("plan").get("format").asText()).isEqualTo("dense");
        CsvTable p = CsvTable.read(plan);
        assertThat(p.rows()).isEqualTo(7);
        assertThat(p.columns()).isEqualTo(5);
        double[] c = Costs.squaredEuclidean(CsvTable.read(a).values(), CsvTable.read(b).values(), 2);
        double cost = 0;
        for (int i = 0; i < 7; i++) {
            double row = 0;
            for (int j = 0; j < 5; j++) {
                row += p.get(i, j);
                cost += p.get(i, j) * c[i * 5 + j];
            }
            assertThat(row).isCloseTo(1.0 / 7, within(1e-9));
        }
        assertThat(cost).isCloseTo(out.get("value").asDouble(), within(1e-12));
        // a cap of 5 iterations stops early and says so; a loose tolerance stops sooner than the default
        JsonNode capped = json(CliRunner.run("distance", "sinkhorn", a.toString(), b.toString(), "--eps", "0.1",
                "--max-iterations", "5", "--json"));
        assertThat(capped.get("iterations").asInt()).isEqualTo(5);
        assertThat(capped.get("converged").asBoolean()).isFalse();
        JsonNode loose = json(CliRunner.run("distance", "sinkhorn", a.toString(), b.toString(), "--eps", "0.1",
                "--tolerance", "1e-3", "--json"));
        assertThat(loose.get("iterations").asInt()).isLessThan(out.get("iterations").asInt());
        assertThat(loose.get("marginalError").asDouble()).isLessThanOrEqualTo(1e-3);
        // the float kernel: the default tolerance 1e-9 is below its floor (2^-20 of the mass), so the solve is
        // finished on the double kernel and converges to it; the cost agrees with the double kernel's to what the
        // two marginal errors allow (the cost is linear in the plan, whose entries are at most the mass 1)
        JsonNode floats = json(CliRunner.run("distance", "sinkhorn", a.toString(), b.toString(), "--eps", "0.1",
                "--float-kernel", "--json"));
        assertThat(floats.get("floatKernel").asBoolean()).isTrue();
        assertThat(out.get("floatKernel").asBoolean()).isFalse();
        assertThat(floats.get("converged").asBoolean()).isTrue();
        assertThat(floats.get("marginalError").asDouble()).isLessThanOrEqualTo(1e-9);
        double maxCost = java.util.Arrays.stream(c).max().orElseThrow();
        assertThat(floats.get("value").asDouble()).isCloseTo(out.get("value").asDouble(), within(4e-9 * maxCost));
    }

    /** Above 10000 entries the plan is written as source,target,mass rows; an exact plan has <= n + m - 1. */
    @Test
    void largePlansAreSparseAndExactPlansAreOptimal() throws Exception {
        Random r = new Random(2);
        Path a = file("a.csv", cloud(r, 120, 2, 0));
        Path b = file("b.csv", cloud(r, 100, 2, 0.5));
        Path plan = dir.resolve("emd.csv");
        JsonNode out = json(CliRunner.run("distance", "emd", a.toString(), b.toString(), "--plan", plan.toString(),
                "--json"));
        assertThat(out.get("plan").get("format").asText()).isEqualTo("sparse");
        CsvTable p = CsvTable.read(plan);
        assertThat(p.header()).containsExactly("source", "target", "mass");
        assertThat(p.rows()).isLessThanOrEqualTo(120 + 100 - 1);
        double[] x = CsvTable.read(a).values();
        double[] y = CsvTable.read(b).values();
        double cost = 0;
        double mass = 0;
        for (int k = 0; k < p.rows(); k++) {
            int i = (int) p.get(k, 0) - 1;
            int j = (int) p.get(k, 1) - 1;
            cost += p.get(k, 2) * Math.hypot(x[2 * i] - y[2 * j], x[2 * i + 1] - y[2 * j + 1]);
            mass += p.get(k, 2);
        }
        assertThat(mass).isCloseTo(1, within(1e-12));
        assertThat(cost).isCloseTo(out.get("value").asDouble(), within(1e-9));
        // an entropic plan above the size is sparse too, with what it leaves out reported
        JsonNode entropic = json(CliRunner.run("distance", "sinkhorn", a.toString(), b.toString(), "--eps", "0.5",
                "--plan", dir.resolve("s.csv").toString(), "--json"));
        assertThat(entropic.get("plan").get("format").asText()).isEqualTo("sparse");
        assertThat(entropic.get("plan").get("droppedMass").asDouble()).isLessThan(1e-9);
    }

    /** In one dimension the plan is the monotone coupling of the sorted points: its cost is W2^2. */
    @Test
    void w2InOneDimensionWritesTheMonotonePlan() throws Exception {
        Path a = file("a.csv", "x\n3\n0\n1\n");
        Path b = file("b.csv", "10\n-1\n");
        Path plan = dir.resolve("w2.csv");
        JsonNode out = json(CliRunner.run("distance", "w2", a.toString(), b.toString(), "--plan", plan.toString(),
                "--json"));
        CsvTable p = CsvTable.read(plan);
        // sorted: 0, 1, 3 (1/3 each) against -1, 10 (1/2 each): 0 -> -1 (1/3), 1 -> -1 (1/6), 1 -> 10 (1/6), 3 -> 10;
        // rows and columns in the files' order (3, 0, 1 and 10, -1)
        assertThat(p.row(0)).containsExactly(new double[] {1.0 / 3, 0}, within(1e-15));
        assertThat(p.row(1)).containsExactly(new double[] {0, 1.0 / 3}, within(1e-15));
        assertThat(p.row(2)).containsExactly(new double[] {1.0 / 6, 1.0 / 6}, within(1e-15));
        double cost = (1.0 / 3) * 1 + (1.0 / 6) * 4 + (1.0 / 6) * 81 + (1.0 / 3) * 49;
        assertThat(out.get("value").asDouble()).isCloseTo(Math.sqrt(cost), within(1e-12));
    }

    @Test
    void gaussianW2FromParametersMatchesTheClosedForm() throws Exception {
        Path g1 = file("g1.csv", "# mean, then covariance\n1,2\n2,0.6\n0.6,1\n");
        Path g2 = file("g2.csv", "-1,0\n0.5,0\n0,3\n");
        JsonNode out = json(CliRunner.run("distance", "gaussian", g1.toString(), g2.toString(), "--gaussian-a",
                "--gaussian-b", "--json"));
        double expected = GaussianW2.distance(new double[] {1, 2}, new double[] {2, 0.6, 0.6, 1},
                new double[] {-1, 0}, new double[] {0.5, 0, 0, 3});
        assertThat(out.get("value").asDouble()).isCloseTo(expected, within(1e-14));
        assertThat(out.get("a").asText()).startsWith("N(mean, covariance) given in");
        // one dimension by hand: sqrt((m1 - m2)^2 + (s1 - s2)^2)
        JsonNode one = json(CliRunner.run("distance", "gaussian", file("h1.csv", "0\n4\n").toString(),
                file("h2.csv", "3\n1\n").toString(), "--gaussian-a", "--gaussian-b", "--json"));
        assertThat(one.get("value").asDouble()).isCloseTo(Math.sqrt(9 + 1), within(1e-14));
    }

    /**
     * From samples: the moments of 20000 draws of N(0, 1) and N(2, 0.25) give W2 close to the closed form
     * sqrt(4 + 0.25) and to the exact W2 of the samples in one dimension (Gaussian samples: the same law).
     */
    @Test
    void gaussianW2FromSamplesUsesTheirMoments() throws Exception {
        Random r = new Random(3);
        StringBuilder sa = new StringBuilder();
        StringBuilder sb = new StringBuilder();
        double[] x = new double[20_000];
        double[] y = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
            y[i] = 2 + 0.5 * r.nextGaussian();
            sa.append(x[i]).append('\n');
            sb.append(y[i]).append('\n');
        }
        Path a = file("a.csv", sa.toString());
        Path b = file("b.csv", sb.toString());
        JsonNode out = json(CliRunner.run("distance", "gaussian", a.toString(), b.toString(), "--json"));
        assertThat(out.get("a").asText()).contains("the moments of the 20000 points");
        double value = out.get("value").asDouble();
        assertThat(value).isCloseTo(Math.sqrt(4.25), within(0.02));
        assertThat(value).isCloseTo(Wasserstein1D.w2(x, y), within(0.01));
        // mixed: a Gaussian's parameters against the samples
        JsonNode mixed = json(CliRunner.run("distance", "gaussian", file("n.csv", "2\n0.25\n").toString(),
                b.toString(), "--gaussian-a", "--json"));
        assertThat(mixed.get("value").asDouble()).isLessThan(0.02);
    }

    @Test
    void badOptionsAndFilesEndInOneMessage() throws Exception {
        Path a = file("a.csv", "0,0\n1,1\n");
        Path g = file("g.csv", "0,0\n1,2\n0,1\n");
        String[][] cases = {
            {"distance", "w2", a.toString(), a.toString(), "--tolerance", "1e-3"},
            {"distance", "mmd", a.toString(), a.toString(), "--plan", dir.resolve("p.csv").toString()},
            {"distance", "sinkhorn", a.toString(), a.toString(), "--max-iterations", "0"},
            {"distance", "w2", a.toString(), a.toString(), "--gaussian-a"},
            {"distance", "emd", a.toString(), a.toString(), "--float-kernel"},
            {"distance", "gaussian", g.toString(), a.toString(), "--gaussian-a"},
            {"distance", "gaussian", a.toString(), a.toString(), "--gaussian-a"},
        };
        String[] messages = {"--tolerance applies to sinkhorn only", "--plan applies to w2, emd and sinkhorn",
            "--max-iterations 0 is not valid", "--gaussian-a applies to gaussian only",
            "--float-kernel applies to sinkhorn only", "is not symmetric",
            "a Gaussian's parameters are d + 1 = 3 rows"};
        for (int c = 0; c < cases.length; c++) {
            CliRunner r = CliRunner.run(cases[c]);
            assertThat(r.code()).as(String.join(" ", cases[c])).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains(messages[c]).doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
        }
    }
}
