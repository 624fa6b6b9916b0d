package org.varflow.api.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Formulas against closed forms (values, gradients, Hessians of known energies), against central finite differences
 * (every function of the language), and the error positions, thread safety and allocation of evaluation.
 */
class FormulaTest {
    private static Formula f(String text, int d) {
        return Formula.compile(text, Variables.vector("x", d), Map.of());
    }

    @Test
    void theDoubleWellHasItsClosedFormValueGradientAndHessian() {
        Formula e = f("(x1^2 - 1)^2/4 + 0.5*x2^2", 2);
        Random r = new Random(1);
        for (int t = 0; t < 100; t++) {
            double[] x = {4 * r.nextDouble() - 2, 4 * r.nextDouble() - 2};
            double[] g = new double[2];
            double[] h = new double[4];
            double s = x[0] * x[0] - 1;
            assertThat(e.valueAndGradient(x, g)).isCloseTo(s * s / 4 + 0.5 * x[1] * x[1], within(1e-14));
            assertThat(e.value(x)).isCloseTo(s * s / 4 + 0.5 * x[1] * x[1], within(1e-14));
            assertThat(g[0]).isCloseTo(x[0] * s, within(1e-14));
            assertThat(g[1]).isCloseTo(x[1], within(1e-15));
            e.hessian(x, h);
            assertThat(h).containsExactly(new double[] {3 * x[0] * x[0] - 1, 0, 0, 1}, within(1e-14));
        }
        // the symbolic derivative is simplified: (2 (x1^2 - 1) 2 x1) / 4 is x1 (x1^2 - 1)
        assertThat(e.derivative(0)).isEqualTo("x1*(x1^2 - 1)");
        assertThat(e.derivative(1)).isEqualTo("x2");
        assertThat(e.secondDerivative(0, 0)).isEqualTo("x1^2 - 1 + 2*x1^2");
    }

    @Test
    void rosenbrockWithParametersHasItsClosedForm() {
        Formula e = Formula.compile("(a - x1)^2 + b*(x2 - x1^2)^2", Variables.vector("x", 2),
                Map.of("a", 1.0, "b", 100.0));
        assertThat(e.parametersUsed()).containsExactlyInAnyOrder("a", "b");
        double[] x = {-1.2, 1};
        double[] g = new double[2];
        double[] h = new double[4];
        e.gradient(x, g);
        e.hessian(x, h);
        assertThat(e.value(x)).isCloseTo(24.2, within(1e-12));
        assertThat(g[0]).isCloseTo(-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]), within(1e-12));
        assertThat(g[1]).isCloseTo(200 * (x[1] - x[0] * x[0]), within(1e-12));
        assertThat(h).containsExactly(new double[] {2 - 400 * x[1] + 1200 * x[0] * x[0], -400 * x[0], -400 * x[0],
            200}, within(1e-10));
    }

    @Test
    void sumsOverIndicesExpandForAnyDimension() {
        for (int d : new int[] {1, 3, 10, 257}) {
            Formula e = f("sum(i, 1, d, (x[i]^2 - 1)^2/4) - 0.2*sum(j, 1, d, x[j]) + prod(i, 1, 1, 1 + 0*x[i])", d);
            double[] x = new Random(d).doubles(d, -2, 2).toArray();
            double[] g = new double[d];
            double value = e.valueAndGradient(x, g);
            double expected = 1;
            for (int i = 0; i < d; i++) {
                double s = x[i] * x[i] - 1;
                expected += s * s / 4 - 0.2 * x[i];
                assertThat(g[i]).isCloseTo(x[i] * s - 0.2, within(1e-13));
            }
            assertThat(value).isCloseTo(expected, within(1e-12 * d));
        }
        // a coupled chain: the index may appear in the term and in shifted elements
        Formula chain = f("sum(i, 1, d - 1, i*(x[i+1] - x[i])^2)", 4);
        double[] x = {0.3, -0.2, 1.1, 0.7};
        double[] g = new double[4];
        chain.gradient(x, g);
        assertThat(g[1]).isCloseTo(-2 * 1 * (x[1] - x[0]) * -1 - 2 * 2 * (x[2] - x[1]) * -1 * -1, within(1e-14));
        assertThat(chain.value(x)).isCloseTo(1 * 0.25 + 2 * 1.69 + 3 * 0.16, within(1e-13));
    }

    /** Every function of the language, inside a composition, against central differences of the value. */
    @ParameterizedTest
    @ValueSource(strings = {"exp(x1) * log(x2)", "ln(x2) + log1p(x1^2) - expm1(0.5*x1)", "sqrt(x2 + x1^2)",
        "sin(x1)*cos(x2) + tan(0.3*x1)", "tanh(x1 - x2) + sinh(0.5*x1)*cosh(x2)", "atan(x1*x2) + asin(0.4*x1)"
            + " - acos(0.3*x2)", "abs(x1 - 0.1)*x2 + sign(x1)*x2^3", "softplus(3*x1 - x2) + sigmoid(x1*x2)",
        "min(x1, x2)^2 + max(x1, 2*x2, 0.1)", "pow(x2, 1.7) + x2^x1 + 2^x1 + x2^-3 + x1^7",
        "step(x1)*x2^2 + x1**2/(1 + x2)", "sum(i, 1, 2, exp(-x[i]^2)) * prod(k, 1, 2, 1 + x[k]^2/10)"})
    void gradientsAndHessiansMatchFiniteDifferences(String text) {
        Formula e = f(text, 2);
        Random r = new Random(text.hashCode());
        for (int t = 0; t < 40; t++) {
            double[] x = {0.2 + 0.7 * r.nextDouble(), 0.6 + 0.9 * r.nextDouble()};
            if (r.nextBoolean()) {
                x[0] = -x[0];
            }
            double[] g = new double[2];
            double[] hess = new double[4];
            e.gradient(x, g);
            e.hessian(x, hess);
            for (int k = 0; k < 2; k++) {
                final int kk = k;
                assertThat(g[k]).as(text + " d/dx" + (k + 1) + " at " + x[0] + ", " + x[1])
                        .isCloseTo(central(e::value, x, k), within(1e-6 * (1 + Math.abs(g[k]))));
                for (int j = 0; j < 2; j++) {
                    double fd = central(y -> {
                        double[] gy = new double[2];
                        e.gradient(y, gy);
                        return gy[kk];
                    }, x, j);
                    assertThat(hess[k * 2 + j]).as(text + " H" + k + j)
                            .isCloseTo(fd, within(1e-5 * (1 + Math.abs(fd))));
                }
            }
        }
    }

    private static double central(ToDoubleFunction<double[]> fn, double[] x, int k) {
        double h = 1e-6;
        double[] p = x.clone();
        double[] m = x.clone();
        p[k] += h;
        m[k] -= h;
        return (fn.applyAsDouble(p) - fn.applyAsDouble(m)) / (2 * h);
    }

    @Test
    void everyOperationMeansTheSameFoldedAndCompiled() {
        double[][] points = {{0.3, 0.7}, {-1.4, 2.5}, {2.0, -0.5}, {0, 0}};
        for (int op = Op.ADD; op < Op.COUNT; op++) {
            for (double[] p : points) {
                double c = op == Op.POWI ? 3 : 1.7;
                double folded = Op.apply(op, p[0], p[1], c);
                double generated = Program.evaluate(op, p[0], p[1], c, true);
                double interpreted = Program.evaluate(op, p[0], p[1], c, false);
                assertThat(Double.doubleToLongBits(generated)).as(Op.name(op) + " at " + p[0] + ", " + p[1])
                        .isEqualTo(Double.doubleToLongBits(folded));
                assertThat(Double.doubleToLongBits(interpreted)).as(Op.name(op) + " at " + p[0] + ", " + p[1])
                        .isEqualTo(Double.doubleToLongBits(folded));
            }
        }
    }

    /** The generated classes and the interpreter run the same operations: equal bit for bit. */
    @ParameterizedTest
    @ValueSource(strings = {"sum(i, 1, d, (x[i]^2 - 1)^2/4 - 0.3*x[i])", "exp(-x1*x2) * log1p(x3^2) + min(x1, x4)^3",
        "prod(i, 1, d, 1 + sigmoid(x[i] - i/2)) + sum(i, 1, d - 1, abs(x[i+1] - x[i])^1.5)",
        "sqrt(1 + sum(i, 1, d, sinh(x[i])^2)) + atan(x2)/x4^-2"})
    void generatedAndInterpretedProgramsAgreeBitForBit(String text) {
        Formula fast = f(text, 4);
        Formula slow = Formula.interpreted(text, Variables.vector("x", 4), Map.of());
        assertThat(fast.generated()).isTrue();
        Random r = new Random(5);
        for (int t = 0; t < 100; t++) {
            double[] x = r.doubles(4, -1.5, 1.5).toArray();
            double[] g1 = new double[4];
            double[] g2 = new double[4];
            double[] h1 = new double[16];
            double[] h2 = new double[16];
            assertThat(Double.doubleToLongBits(fast.valueAndGradient(x, g1)))
                    .isEqualTo(Double.doubleToLongBits(slow.valueAndGradient(x, g2)));
            assertThat(g1).isEqualTo(g2);
            fast.gradient(x, g1);
            assertThat(g1).isEqualTo(g2);
            assertThat(fast.value(x)).isEqualTo(slow.value(x));
            fast.hessian(x, h1);
            slow.hessian(x, h2);
            assertThat(h1).isEqualTo(h2);
        }
    }

    /** A formula too long for one generated method is interpreted, with the same results. */
    @Test
    void longFormulasAreInterpreted() {
        int d = 3000;
        Formula e = f("sum(i, 1, d, cos(x[i]) * i)", d);
        assertThat(e.generated()).isFalse();
        double[] x = new Random(2).doubles(d, -1, 1).toArray();
        double[] g = new double[d];
        double value = e.valueAndGradient(x, g);
        double expected = 0;
        for (int i = 0; i < d; i++) {
            expected += Math.cos(x[i]) * (i + 1);
            assertThat(g[i]).isCloseTo(-Math.sin(x[i]) * (i + 1), within(1e-12 * (i + 1)));
        }
        assertThat(value).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
    }

    @Test
    void softplusAndSigmoidDoNotOverflow() {
        Formula e = f("softplus(x1) + sigmoid(x1)", 1);
        assertThat(e.value(new double[] {800})).isCloseTo(801, within(1e-12));
        assertThat(e.value(new double[] {-800})).isCloseTo(0, within(1e-300));
        double[] g = new double[1];
        e.gradient(new double[] {-800}, g);
        assertThat(g[0]).isFinite();
    }

    @Test
    void namedVariablesAndListsOfFormulas() {
        List<Formula> curve = Formula.compileList("cos(t); sin(t) * s", Variables.named("t", "s"), Map.of());
        assertThat(curve).hasSize(2);
        assertThat(curve.get(1).value(new double[] {Math.PI / 2, 3})).isCloseTo(3, within(1e-15));
        assertThat(curve.get(0).derivative(0)).isEqualTo("-sin(t)");
    }

    @Test
    void badFormulasNameThePlaceWithACaret() {
        assertThatThrownBy(() -> f("(x1^2 - 1))^2", 1)).isInstanceOf(FormulaException.class)
                .hasMessageContaining("column 11: a ')' without its '('")
                .hasMessageContaining("    (x1^2 - 1))^2\n              ^");
        FormulaException e = (FormulaException) org.assertj.core.api.Assertions.catchThrowable(() -> f("2 x1", 1));
        assertThat(e.position()).isEqualTo(2);
        assertThat(e).hasMessageContaining("expected an operator");
        assertThatThrownBy(() -> f("x1 + ", 1)).hasMessageContaining("the formula ends")
                .hasMessageContaining("column 6");
        assertThatThrownBy(() -> f("exq(x1)", 1)).hasMessageContaining("unknown function 'exq'")
                .hasMessageContaining("did you mean 'exp'");
        assertThatThrownBy(() -> f("x1 + y", 1)).hasMessageContaining("unknown name 'y'")
                .hasMessageContaining("column 6");
        assertThatThrownBy(() -> f("x1 + x3", 2)).hasMessageContaining("x3 is not a variable here: there are 2"
                + " variables, x1..x2");
        assertThatThrownBy(() -> f("x[0]", 2)).hasMessageContaining("x[0] is outside x[1]..x[2]");
        assertThatThrownBy(() -> f("x[x1]", 2)).hasMessageContaining("must be a whole number known in advance");
        assertThatThrownBy(() -> f("sum(i, 1, d)", 2)).hasMessageContaining("sum takes an index");
        assertThatThrownBy(() -> f("sum(x1, 1, d, 1)", 2)).hasMessageContaining("index name 'x1' is already taken");
        assertThatThrownBy(() -> f("log(x1, 2)", 2)).hasMessageContaining("log(...) takes 1 argument, got 2");
        assertThatThrownBy(() -> f("exp + 1", 2)).hasMessageContaining("'exp' is a function");
        assertThatThrownBy(() -> f("   ", 2)).hasMessageContaining("an empty formula");
        assertThatThrownBy(() -> f("1e999*x1", 2)).hasMessageContaining("too large");
        assertThatThrownBy(() -> f("x1 \u0007 2", 2)).hasMessageContaining("control character U+0007");
        assertThatThrownBy(() -> f("sum(i, 1, 3000000, x[1])", 2)).hasMessageContaining("more than 2000000 terms");
    }

    @Test
    void aLongFormulaShowsAWindowAroundTheError() {
        String text = "x1 + ".repeat(40) + "?" + " + x1".repeat(40);
        FormulaException e = (FormulaException) org.assertj.core.api.Assertions.catchThrowable(() -> f(text, 1));
        String[] lines = e.getMessage().split("\n");
        assertThat(lines[1]).startsWith("    ...").endsWith("...").hasSizeLessThan(120);
        assertThat(lines[1].charAt(lines[2].length() - 1)).isEqualTo('?');
    }

    @Test
    void diagnoseNamesTheFirstPartThatIsNotFinite() {
        Formula e = f("x2^2 + log(x1) * 3", 2);
        assertThat(e.diagnose(new double[] {1, 2})).isNull();
        assertThat(e.diagnose(new double[] {-1, 2})).isEqualTo("log(x1) = NaN");
        assertThat(f("sqrt(x1)", 1).diagnose(new double[] {0})).contains("= Infinity");
    }

    @Test
    void evaluationIsThreadSafeAndAllocatesNothing() throws Exception {
        Formula e = f("sum(i, 1, d, softplus(x[i]) * exp(-x[i]^2/2))", 8);
        double[][] points = new Random(3).doubles(4000 * 8, -2, 2).boxed().collect(java.util.stream.Collectors
                .collectingAndThen(java.util.stream.Collectors.toList(), l -> {
                    double[][] out = new double[4000][8];
                    for (int i = 0; i < l.size(); i++) {
                        out[i / 8][i % 8] = l.get(i);
                    }
                    return out;
                }));
        double[][] serial = new double[points.length][8];
        for (int i = 0; i < points.length; i++) {
            e.gradient(points[i], serial[i]);
        }
        double[][] parallel = new double[points.length][8];
        IntStream.range(0, points.length).parallel().forEach(i -> e.gradient(points[i], parallel[i]));
        assertThat(parallel).isDeepEqualTo(serial);

        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] g = new double[8];
        for (int i = 0; i < 20_000; i++) {
            e.valueAndGradient(points[i % points.length], g);
            e.value(points[i % points.length]);
        }
        long before = bean.getCurrentThreadAllocatedBytes();
        double sink = 0;
        for (int i = 0; i < 10_000; i++) {
            sink += e.valueAndGradient(points[i % points.length], g) + e.value(points[i % points.length]);
            e.gradient(points[i % points.length], g);
        }
        long bytes = bean.getCurrentThreadAllocatedBytes() - before;
        assertThat(sink).isFinite();
        assertThat(bytes).isLessThan(1024);
    }
}
