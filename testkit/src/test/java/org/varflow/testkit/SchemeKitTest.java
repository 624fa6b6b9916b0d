package org.varflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConvergenceOrder;
import org.varflow.api.Flow;
import org.varflow.api.Parameters;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;
import org.varflow.api.StochasticSchemeFactory;

/**
 * Scheme checks with schemes written here against the api: explicit Euler (order 1), Heun (order 2),
 * Euler-Maruyama (strong and weak order 1), and the same schemes claiming more than they have.
 */
class SchemeKitTest {
    /** Euler (heun = false) or Heun's method; Euler-Maruyama with noise when the flow has it. */
    static SchemeFactory scheme(String id, boolean heun, ConvergenceOrder claim, double temperatureFactor) {
        return new StochasticSchemeFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String summary() {
                return id;
            }

            @Override
            public ConvergenceOrder order() {
                return claim;
            }

            @Override
            public Scheme create(Parameters parameters, Flow flow) {
                return f -> {
                    int d = f.dimension();
                    double[] g = new double[d];
                    double[] w = new double[2 * d];
                    double[] b = new double[d];
                    double[] y = new double[d];
                    double[] b2 = new double[d];
                    return (x, aux, step, rng) -> {
                        double h = step.dt();
                        f.drift(x, step.time(), g, w, b);
                        if (heun) {
                            for (int i = 0; i < d; i++) {
                                y[i] = x[i] + h * b[i];
                            }
                            f.drift(y, step.time() + h, g, w, b2);
                            for (int i = 0; i < d; i++) {
                                b[i] = 0.5 * (b[i] + b2[i]);
                            }
                        }
                        for (int i = 0; i < d; i++) {
                            b[i] *= h;
                        }
                        if (!f.isDeterministic()) {
                            f.noise().addIncrement(x, h, temperatureFactor * f.temperature(step.time()), f.metric(),
                                    rng, w, b);
                        }
                        for (int i = 0; i < d; i++) {
                            x[i] += b[i];
                        }
                    };
                };
            }
        };
    }

    static Map<String, CheckResult> run(SchemeFactory f) {
        return MetricKitTest.byName(Checks.scheme(f, Parameters.resolve("scheme", List.of(), Map.of())));
    }

    @Test
    void schemesMeetingTheirStatedOrderPass() {
        Map<String, CheckResult> euler = run(scheme("euler", false, new ConvergenceOrder(1, 1, 1), 1));
        assertThat(euler.values()).noneMatch(CheckResult::failed);
        assertThat(euler.get(SchemeChecks.ORDER_CHECK).worst()).contains("order 1.0");
        assertThat(euler.get(SchemeChecks.STRONG_CHECK).status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(euler.get(SchemeChecks.WEAK_CHECK).status()).isEqualTo(CheckResult.Status.PASS);
        Map<String, CheckResult> heun = run(scheme("heun", true, ConvergenceOrder.deterministic(2), 1));
        assertThat(heun.get(SchemeChecks.ORDER_CHECK).status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(heun.get(SchemeChecks.ORDER_CHECK).worst()).contains("order 2.0");
    }

    @Test
    void aSchemeOfLowerOrderThanStatedFails() {
        CheckResult r = run(scheme("euler-claiming-2", false, ConvergenceOrder.deterministic(2), 1))
                .get(SchemeChecks.ORDER_CHECK);
        assertThat(r.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(r.worst()).contains("order 1.0", "stated 2.00");
        assertThat(r.where()).contains("errors", "N = [8, 16, 32, 64]");
    }

    /** Euler-Maruyama that reads T = 1 where the entropy says 1/2: its paths converge to the wrong law. */
    @Test
    void aStochasticSchemeAtTheWrongTemperatureFailsItsStochasticOrders() {
        Map<String, CheckResult> r = run(scheme("hot", false, new ConvergenceOrder(1, 1, 1), 2));
        assertThat(r.get(SchemeChecks.ORDER_CHECK).status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(r.get(SchemeChecks.STRONG_CHECK).status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(r.get(SchemeChecks.WEAK_CHECK).status()).isEqualTo(CheckResult.Status.FAIL);
    }

    /**
     * Euler-Maruyama whose steppers also step blocks: by {@link Scheme.Stepper#step} on each particle in order, or
     * ({@code reversed}) from the last particle to the first, which draws each particle's noise from another place in
     * the stream.
     */
    static SchemeFactory blockScheme(boolean reversed) {
        SchemeFactory plain = scheme("euler", false, new ConvergenceOrder(1, 1, 1), 1);
        return new StochasticSchemeFactory() {
            @Override
            public String id() {
                return reversed ? "reversed-blocks" : "blocks";
            }

            @Override
            public String summary() {
                return id();
            }

            @Override
            public ConvergenceOrder order() {
                return plain.order();
            }

            @Override
            public Scheme create(Parameters parameters, Flow flow) {
                Scheme scheme = plain.create(parameters, flow);
                return f -> {
                    Scheme.Stepper one = scheme.stepper(f);
                    double[] x = new double[f.dimension()];
                    double[] aux = new double[0];
                    return new Scheme.BlockStepper() {
                        @Override
                        public void step(double[] y, double[] a, org.varflow.api.StepContext step,
                                         org.varflow.api.RandomStream rng) {
                            one.step(y, a, step, rng);
                        }

                        @Override
                        public void stepBlock(double[] states, int from, int to, org.varflow.api.StepContext step,
                                              org.varflow.api.RandomStream rng) {
                            int d = x.length;
                            for (int k = 0; k < to - from; k++) {
                                int p = reversed ? to - 1 - k : from + k;
                                System.arraycopy(states, p * d, x, 0, d);
                                one.step(x, aux, step, rng);
                                System.arraycopy(x, 0, states, p * d, d);
                            }
                        }
                    };
                };
            }
        };
    }

    @Test
    void blockSteppersMustStepAsParticleByParticle() {
        Map<String, CheckResult> good = run(blockScheme(false));
        assertThat(good.values()).noneMatch(CheckResult::failed);
        assertThat(good.get(SchemeChecks.BLOCK_CHECK).status()).isEqualTo(CheckResult.Status.PASS);
        CheckResult reversed = run(blockScheme(true)).get(SchemeChecks.BLOCK_CHECK);
        assertThat(reversed.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(reversed.worst()).contains("differs at step 1, particle");
        assertThat(run(scheme("euler", false, new ConvergenceOrder(1, 1, 1), 1)))
                .doesNotContainKey(SchemeChecks.BLOCK_CHECK);
    }

    @Test
    void schemesThatStateNoOrderAreSkipped() {
        CheckResult r = run(scheme("modest", false, ConvergenceOrder.NONE, 1)).get(SchemeChecks.ORDER_CHECK);
        assertThat(r.status()).isEqualTo(CheckResult.Status.SKIP);
    }
}
