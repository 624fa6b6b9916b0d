package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * distance on data that would overflow or underflow (scaled exactly, or refused with a message about the data, never
 * an internal error or "Infinity"), and on data too large for a quadratic method (its cost stated, refused without
 * --force, the scalable alternative named — and that alternative runs, with its standard error).
 */
class DistanceLimitsTest {
    @TempDir
    static Path dir;
    static Path big;
    static Path bigB;
    static Path small;

    @BeforeAll
    static void bigSamples() throws Exception {
        big = cloud("big.csv", 200_000, 1);
        bigB = cloud("big-b.csv", 70_000, 2);
        small = cloud("small.csv", 100, 3);
    }

    private static Path cloud(String name, int n, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder(n * 40);
        for (int i = 0; i < n; i++) {
            b.append(String.format(Locale.ROOT, "%.6f,%.6f%n", r.nextDouble() * 2 - 1, r.nextDouble() * 3 - 1));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, b);
        return p;
    }

    private static Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"w2", "emd", "mmd", "sliced-w2"})
    void pointsNear1e160GiveTheScaledDistanceInTheDatasUnits(String kind) throws Exception {
        Path a = file("a160.csv", "1e160,2e160\n-1e160,3e160\n5e159,1e160\n");
        Path b = file("b160.csv", "2e160,1e160\n0,0\n");
        Path a1 = file("unit-a.csv", "1,2\n-1,3\n0.5,1\n");
        Path b1 = file("unit-b.csv", "2,1\n0,0\n");
        JsonNode scaled = DistanceCommandTest.json(CliRunner.run("distance", kind, a.toString(), b.toString(),
                "--json"));
        JsonNode unit = DistanceCommandTest.json(CliRunner.run("distance", kind, a1.toString(), b1.toString(),
                "--json"));
        double factor = kind.equals("mmd") ? 1 : 1e160; // MMD with the bandwidth scaled too is scale-free
        assertThat(scaled.get("value").isNumber()).isTrue();
        assertThat(scaled.get("value").asDouble()).isCloseTo(unit.get("value").asDouble() * factor,
                within(1e-9 * factor));
        assertThat(scaled.get("scaledBy").asText()).contains("results are in the data's units");
    }

    @Test
    void tinyCoordinatesDoNotUnderflowToZero() throws Exception {
        Path a = file("tiny-a.csv", "1e-170,0\n0,1e-170\n");
        Path b = file("tiny-b.csv", "0,0\n");
        JsonNode r = DistanceCommandTest.json(CliRunner.run("distance", "w2", a.toString(), b.toString(), "--json"));
        assertThat(r.get("value").asDouble()).isCloseTo(1e-170, within(1e-182));
    }

    @Test
    void aResultBeyondTheDoubleRangeIsRefusedWithAMessageAboutTheData() throws Exception {
        Path a = file("far-a.csv", "1e160,0\n");
        Path b = file("far-b.csv", "-1e160,0\n");
        CliRunner r = CliRunner.run("distance", "sinkhorn", a.toString(), b.toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("sinkhorn transport cost between", "beyond the range of a double",
                "samples are too far apart").doesNotContain("--eps", "Exception");
        Path one = file("far-1.csv", "1.5e308\n");
        Path other = file("far-2.csv", "-1.5e308\n");
        CliRunner w = CliRunner.run("distance", "w2", one.toString(), other.toString(), "--json");
        assertThat(w.code()).isEqualTo(Main.USAGE);
        assertThat(w.out()).doesNotContain("Infinity");
        assertThat(w.err()).contains("beyond the range of a double");
    }

    @Test
    void weightsNearTheTopOfTheDoubleRangeAreNormalisedWithoutOverflow() throws Exception {
        Path a = file("wa-pts.csv", "0\n1\n2\n");
        Path b = file("wb-pts.csv", "0\n3\n");
        Path huge = file("w-huge.csv", "1e308\n1e308\n1e308\n");
        Path ones = file("w-ones.csv", "1\n1\n1\n");
        double withHuge = DistanceCommandTest.json(CliRunner.run("distance", "w2", a.toString(), b.toString(),
                "--weights-a", huge.toString(), "--json")).get("value").asDouble();
        double withOnes = DistanceCommandTest.json(CliRunner.run("distance", "w2", a.toString(), b.toString(),
                "--weights-a", ones.toString(), "--json")).get("value").asDouble();
        assertThat(withHuge).isEqualTo(withOnes);
    }

    @Test
    void aHeaderIsReportedAsSuch() throws Exception {
        Path a = file("h-a.csv", "x,y\n0,0\n1,1\n");
        Path b = file("h-b.csv", "0,1\n1,0\n");
        JsonNode r = DistanceCommandTest.json(CliRunner.run("distance", "w2", a.toString(), b.toString(), "--json"));
        assertThat(r.get("headerA").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(r.has("headerB")).isFalse();
        assertThat(r.get("n").asInt()).isEqualTo(2);
    }

    @Test
    void exactTransportOnTooManyPointsIsRefusedWithTheAlternativeThatScales() {
        CliRunner r = CliRunner.run("distance", "w2", big.toString(), small.toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("exact optimal transport (network simplex) needs an 200000 x 100 cost matrix",
                "(an estimate)", "give --force", "sliced-w2", "mmd --features").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void exactMmdOnTooManyPointsIsRefusedAndItsRandomFeatureEstimateRuns() throws Exception {
        CliRunner r = CliRunner.run("distance", "mmd", big.toString(), bigB.toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("exact MMD (every pair of points) needs", "kernel evaluations", "give --force",
                "mmd --features 1000");
        JsonNode est = DistanceCommandTest.json(CliRunner.run("distance", "mmd", big.toString(), bigB.toString(),
                "--features", "100", "--json"));
        assertThat(est.get("value").asDouble()).isPositive();
        assertThat(est.get("standardError").asDouble()).isPositive().isLessThan(est.get("value").asDouble());
        assertThat(est.get("method").asText()).contains("100 random Fourier features");
    }

    @Test
    void slicedW2RunsWhereExactW2IsRefused() throws Exception {
        JsonNode r = DistanceCommandTest.json(CliRunner.run("distance", "sliced-w2", big.toString(),
                small.toString(), "--projections", "50", "--json"));
        assertThat(r.get("value").asDouble()).isPositive();
        assertThat(r.get("standardError").asDouble()).isPositive();
        assertThat(r.get("projections").asInt()).isEqualTo(50);
        CliRunner bad = CliRunner.run("distance", "w2", big.toString(), small.toString(), "--projections", "5");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("--projections applies to sliced-w2 only");
    }
}
