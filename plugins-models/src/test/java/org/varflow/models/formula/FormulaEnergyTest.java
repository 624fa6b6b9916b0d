package org.varflow.models.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.FlowSpec;
import org.varflow.api.Parameters;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.core.CorePlugin;
import org.varflow.core.run.RunControl;
import org.varflow.measures.MeasuresPlugin;
import org.varflow.models.ModelsPlugin;
import org.varflow.models.TestSpace;
import org.varflow.models.presets.PresetsPlugin;
import org.varflow.models.testfunctions.DoubleWellEnergyFactory;
import org.varflow.models.testfunctions.RosenbrockEnergyFactory;
import org.varflow.noise.NoisePlugin;
import org.varflow.schemes.SchemesPlugin;

/**
 * The energy {@code formula} against the built-in energies' closed forms (value, gradient, Hessian), against
 * finite differences, and in runs: the formula double well gives the built-in one's trajectories bit for bit under
 * Euler-Maruyama and its Gibbs moments under MALA; on an ensemble it is the potential V.
 */
class FormulaEnergyTest {
    static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new NoisePlugin(), new ModelsPlugin(),
            new SchemesPlugin(), new MeasuresPlugin(), new FormulaPlugin(), new PresetsPlugin()));

    static Energy formula(String e, int d, Map<String, ?> more) {
        FormulaEnergyFactory f = new FormulaEnergyFactory();
        Map<String, Object> raw = new java.util.HashMap<>(more);
        raw.put("E", e);
        return f.create(Parameters.resolve("energy 'formula'", f.parameters(), raw), new TestSpace(d));
    }

    static Energy builtIn(EnergyFactory f, Map<String, ?> raw, int d) {
        return f.create(Parameters.resolve("energy", f.parameters(), raw), new TestSpace(d));
    }

    @Test
    void theDoubleWellAsAFormulaIsTheBuiltInOne() {
        int d = 3;
        Energy mine = formula("sum(i, 1, d, (x[i]^2 - 1)^2/4 - tilt*x[i])", d, Map.of("tilt", "0.2"));
        Energy theirs = builtIn(new DoubleWellEnergyFactory(), Map.of("tilt", 0.2), d);
        compare(mine, theirs, d, 1e-13, 7);
    }

    @Test
    void rosenbrockAsAFormulaIsTheBuiltInOne() {
        Energy mine = formula("(a - x1)^2 + b*(x2 - x1^2)^2", 2, Map.of("a", 1, "b", 100));
        Energy theirs = builtIn(new RosenbrockEnergyFactory(), Map.of(), 2);
        compare(mine, theirs, 2, 1e-9, 11);
    }

    private static void compare(Energy mine, Energy theirs, int d, double tolerance, long seed) {
        Random r = new Random(seed);
        double[] g1 = new double[d];
        double[] g2 = new double[d];
        double[] h1 = new double[d * d];
        double[] h2 = new double[d * d];
        for (int t = 0; t < 200; t++) {
            double[] x = r.doubles(d, -2, 2).toArray();
            assertThat(mine.value(x)).isCloseTo(theirs.value(x), within(tolerance * (1 + Math.abs(theirs.value(x)))));
            mine.gradient(x, g1);
            theirs.gradient(x, g2);
            assertThat(g1).containsExactly(g2, within(tolerance * 100));
            assertThat(mine.valueAndGradient(x, g1)).isCloseTo(theirs.value(x), within(tolerance * 1e3));
            mine.hessian(x, h1);
            theirs.hessian(x, h2);
            assertThat(h1).containsExactly(h2, within(tolerance * 1e3));
            // and against central differences of the gradient (the Energy default, which the formula overrides)
            Energy byDifferences = Energy.of(mine::value, mine::gradient);
            double[] h3 = new double[d * d];
            byDifferences.hessian(x, h3);
            assertThat(h1).containsExactly(h3, within(1e-5 * (1 + Math.abs(h2[0]))));
        }
    }

    /** Euler-Maruyama reads the gradient only: x (x^2 - 1) - tilt is computed by the same operations, bit for bit. */
    @Test
    void langevinRunsAreTheBuiltInOnesBitForBit() {
        FlowSpec builtIn = VARFLOW.registry().preset("langevin").spec()
                .withPart(PartKind.SPACE, PartChoice.of("euclidean").with("dimension", 2).with("x0", "0.5"))
                .withPart(PartKind.ENERGY, PartChoice.of("double-well").with("tilt", 0.1))
                .withParticles(600).withSteps(300).withSeed(7);
        FlowSpec asFormula = builtIn.withPart(PartKind.ENERGY, PartChoice.of("formula")
                .with("E", "sum(i, 1, d, (x[i]^2 - 1)^2/4 - t*x[i])").with("t", 0.1));
        double[] a = VARFLOW.run(builtIn, new RunControl(2), null).result().states();
        double[] b = VARFLOW.run(asFormula, new RunControl(1), null).result().states();
        assertThat(b).containsExactly(a);
    }

    /**
     * MALA (exact at any step) on E = (x^2 - 1)^2/4 - 0.1 x at beta = 2, 20000 chains: the sample's first, second and
     * fourth moments against the Gibbs law's by quadrature, within 5 standard errors, for the formula and for the
     * built-in energy on the same seed.
     */
    @Test
    void malaOnTheFormulaDoubleWellSamplesItsGibbsLaw() {
        double beta = 2;
        double tilt = 0.1;
        double[] exact = gibbsMoments(x -> Math.exp(-beta * (Math.pow(x * x - 1, 2) / 4 - tilt * x)));
        FlowSpec spec = VARFLOW.registry().preset("mala").spec()
                .withPart(PartKind.SPACE, PartChoice.of("euclidean").with("dimension", 1).with("x0", "0"))
                .withPart(PartKind.ENTROPY, PartChoice.of("boltzmann").with("beta", beta))
                .withParticles(20_000).withDt(0.05).withSteps(800).withSeed(2026);
        double[] formulaSamples = VARFLOW.run(spec.withPart(PartKind.ENERGY, PartChoice.of("formula")
                .with("E", "(x1^2 - 1)^2/4 - tilt*x1").with("tilt", tilt)), new RunControl(2), null).result()
                .states();
        double[] builtInSamples = VARFLOW.run(spec.withPart(PartKind.ENERGY, PartChoice.of("double-well")
                .with("tilt", tilt)), new RunControl(2), null).result().states();
        for (double[] x : List.of(formulaSamples, builtInSamples)) {
            for (int p : new int[] {1, 2, 4}) {
                double mean = 0;
                double square = 0;
                for (double v : x) {
                    double m = Math.pow(v, p);
                    mean += m / x.length;
                    square += m * m / x.length;
                }
                double se = Math.sqrt((square - mean * mean) / x.length);
                assertThat(mean).as("moment " + p).isCloseTo(exact[p], within(5 * se));
            }
        }
    }

    /** E[x^p] for p = 0..4 of the density proportional to w, by the trapezoid rule on [-6, 6] (h = 1e-4). */
    private static double[] gibbsMoments(java.util.function.DoubleUnaryOperator w) {
        double[] m = new double[5];
        double h = 1e-4;
        for (double x = -6; x <= 6; x += h) {
            double v = w.applyAsDouble(x);
            for (int p = 0; p < 5; p++) {
                m[p] += Math.pow(x, p) * v * h;
            }
        }
        for (int p = 1; p < 5; p++) {
            m[p] /= m[0];
        }
        return m;
    }

    /** On an ensemble the formula is V: E(X) = sum_p V(x_p), gradient grad V per particle. */
    @Test
    void onAnEnsembleTheFormulaIsThePotential() {
        FlowSpec spec = VARFLOW.registry().preset("particle-fokker-planck").spec()
                .withParam(PartKind.SPACE, "n", 50).withParam(PartKind.SPACE, "d", 2)
                .withPart(PartKind.ENERGY, PartChoice.of("formula").with("E", "x1^4/4 + x1*x2 + x2^2"));
        var assembled = VARFLOW.assemble(spec);
        Energy lifted = assembled.flow().energy();
        double[] x = assembled.flow().space().initialState();
        double[] g = new double[x.length];
        double value = lifted.valueAndGradient(x, g);
        double expected = 0;
        for (int p = 0; p < 50; p++) {
            double a = x[2 * p];
            double b = x[2 * p + 1];
            expected += a * a * a * a / 4 + a * b + b * b;
            assertThat(g[2 * p]).isCloseTo(a * a * a + b, within(1e-12));
            assertThat(g[2 * p + 1]).isCloseTo(a + 2 * b, within(1e-12));
        }
        assertThat(value).isCloseTo(expected, within(1e-10));
    }

    /** The implicit step's Newton solve gets the exact Hessian: on a quadratic it is exact in one step. */
    @Test
    void minimizingMovementUsesTheExactHessian() {
        FlowSpec spec = VARFLOW.registry().preset("gradient-descent").spec()
                .withPart(PartKind.ENERGY, PartChoice.of("formula").with("E", "x1^2/2 + 5*(x2 - 1)^2"))
                .withPart(PartKind.SCHEME, "minimizing-movement").withDt(1).withSteps(1);
        double[] x0 = VARFLOW.assemble(spec).flow().space().initialState();
        double[] x = VARFLOW.run(spec, new RunControl(1), null).result().states();
        // (I + h A)^-1 (x0 + h b), A = diag(1, 10), b = (0, 10)
        assertThat(x[0]).isCloseTo(x0[0] / 2, within(1e-12));
        assertThat(x[1]).isCloseTo((x0[1] + 10) / 11, within(1e-12));
    }

    @Test
    void badInputIsRefusedByName() {
        assertThatThrownBy(() -> formula("(x1^2 - 1))^2", 1, Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("energy 'formula': parameter 'E': column 11: a ')' without its '('");
        assertThatThrownBy(() -> formula("x1^2 + x3", 2, Map.of())).hasMessageContaining("uses x3 but the space has"
                + " dimension 2").hasMessageContaining("--set space.dimension=3");
        assertThatThrownBy(() -> formula("(x1 - a)^2", 1, Map.of("a", 1, "bb", 2)))
                .hasMessageContaining("parameter 'bb' is not used by the formula");
        assertThatThrownBy(() -> formula("x1^2", 1, Map.of("a", "two"))).hasMessageContaining("parameter 'a' = 'two'"
                + " is not valid; expected a real number");
        assertThatThrownBy(() -> formula("x1^2", 2, Map.of("dimension", 3)))
                .hasMessageContaining("parameter 'dimension' = 3 but the space has dimension 2");
        // not finite at the start (TestSpace starts at 0): the point and the failing part are named
        assertThatThrownBy(() -> formula("x2 + log(x1)", 2, Map.of()))
                .hasMessageContaining("is not finite at the starting point x = [0.0, 0.0]: log(x1) = -Infinity");
    }

    @Test
    void explainShowsTheFormulaAndItsDerivatives() {
        FormulaEnergyFactory f = new FormulaEnergyFactory();
        String text = f.formula(Parameters.resolve("energy 'formula'", f.parameters(),
                Map.of("E", "(x1^2 - 1)^2/4 + a*x2^2", "a", "0.5")));
        assertThat(text).contains("E(x) = (x1^2 - 1)^2/4 + a*x2^2   (d = 2", "with a = 0.5",
                "dE/dx1 = x1*(x1^2 - 1)", "dE/dx2 = x2");
    }
}
