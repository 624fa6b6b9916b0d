package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistanceCommandTest {
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

    @Test
    void w2InOneDimensionIsTheQuantileDistance() throws Exception {
        Path a = file("a.csv", "x\n0\n1\n");
        Path b = file("b.csv", "3\n4\n");
        assertThat(json(CliRunner.run("distance", "w2", a.toString(), b.toString(), "--json")).get("value").asDouble())
                .isCloseTo(3, within(1e-12));
    }

    /** Three points each in the plane: the exact values are the best of the 6 assignments, by hand. */
    @Test
    void exactDistancesInThePlaneEqualTheBestAssignment() throws Exception {
        double[][] x = {{0, 0}, {1, 0}, {0, 2}};
        double[][] y = {{1, 1}, {-1, 0.5}, {2, 2}};
        Path a = file("a.csv", "0,0\n1,0\n0,2\n");
        Path b = file("b.csv", "1,1\n-1,0.5\n2,2\n");
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        double best2 = Double.MAX_VALUE;
        double best1 = Double.MAX_VALUE;
        for (int[] p : perms) {
            double s2 = 0;
            double s1 = 0;
            for (int i = 0; i < 3; i++) {
                double dx = x[i][0] - y[p[i]][0];
                double dy = x[i][1] - y[p[i]][1];
                s2 += (dx * dx + dy * dy) / 3;
                s1 += Math.sqrt(dx * dx + dy * dy) / 3;
            }
            best2 = Math.min(best2, s2);
            best1 = Math.min(best1, s1);
        }
        assertThat(json(CliRunner.run("distance", "w2", a.toString(), b.toString(), "--json")).get("value").asDouble())
                .isCloseTo(Math.sqrt(best2), within(1e-12));
        assertThat(json(CliRunner.run("distance", "emd", a.toString(), b.toString(), "--json")).get("value")
                .asDouble()).isCloseTo(best1, within(1e-12));
        // entropic cost >= exact cost, and close for a small epsilon (the gap is O(eps log n))
        JsonNode s = json(CliRunner.run("distance", "sinkhorn", a.toString(), b.toString(), "--eps", "1e-3",
                "--json"));
        assertThat(s.get("value").asDouble()).isBetween(best2 - 1e-9, best2 + 1e-2);
        assertThat(s.get("converged").asBoolean()).isTrue();
        JsonNode mmd = json(CliRunner.run("distance", "mmd", a.toString(), a.toString(), "--json"));
        assertThat(mmd.get("value").asDouble()).isLessThan(1e-7); // sqrt of the rounding in MMD^2 ~ 1e-16
    }

    @Test
    void weightsMoveTheAnswer() throws Exception {
        Path a = file("a.csv", "0\n1\n");
        Path b = file("b.csv", "0\n");
        Path w = file("w.txt", "3\n1\n");
        // mass 3/4 at 0 and 1/4 at 1, against all at 0: W1 = 1/4
        assertThat(json(CliRunner.run("distance", "emd", a.toString(), b.toString(), "--weights-a", w.toString(),
                "--json")).get("value").asDouble()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void badInputIsNamed() throws Exception {
        Path a = file("a.csv", "0,0\n1,0\n");
        Path ragged = file("r.csv", "0,0\n1\n");
        Path oneD = file("o.csv", "0\n1\n");
        Path nan = file("n.csv", "0,NaN\n");
        Path negative = file("w.txt", "1\n-1\n");
        String[][] cases = {
            {"distance", "w3", a.toString(), a.toString()},
            {"distance", "w2", a.toString(), dir.resolve("missing.csv").toString()},
            {"distance", "w2", a.toString(), ragged.toString()},
            {"distance", "w2", a.toString(), oneD.toString()},
            {"distance", "w2", a.toString(), nan.toString()},
            {"distance", "w2", a.toString(), a.toString(), "--weights-a", negative.toString()},
            {"distance", "w2", a.toString(), a.toString(), "--eps", "0.1"},
            {"distance", "sinkhorn", a.toString(), a.toString(), "--eps", "-1"},
        };
        String[] expected = {"unknown distance 'w3'", "no such file", "line 2: 1 cell, but the first row has 2",
            "dimension 2 but", "line 1, column 2: 'NaN' is not a number", "is negative",
            "--eps applies to sinkhorn only", "--eps -1.0 is not valid"};
        for (int i = 0; i < cases.length; i++) {
            CliRunner r = CliRunner.run(cases[i]);
            assertThat(r.code()).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", cases[i])).contains(expected[i]).doesNotContain("Exception");
        }
    }
}
