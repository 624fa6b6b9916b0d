package org.varflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.Energy;
import org.varflow.api.FiniteSumEnergy;
import org.varflow.api.Space;

/** Correct energies pass every energy check; each classic mistake fails the check named for it, with the place. */
class EnergyKitTest {
    static final Space R3 = new Space() {
        @Override
        public String kind() {
            return EUCLIDEAN;
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public double[] initialState() {
            return new double[] {0.5, -1, 2};
        }
    };

    /** E = sum_i (x_i^2 - 1)^2 / 4 + x_1 x_2: nonlinear, coupled, with its exact gradient and Hessian. */
    static class Good implements Energy {
        @Override
        public double value(double[] x) {
            double s = x[0] * x[1];
            for (double v : x) {
                s += (v * v - 1) * (v * v - 1) / 4;
            }
            return s;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            for (int i = 0; i < x.length; i++) {
                out[i] = x[i] * (x[i] * x[i] - 1);
            }
            out[0] += x[1];
            out[1] += x[0];
        }

        @Override
        public void hessian(double[] x, double[] out) {
            int d = x.length;
            java.util.Arrays.fill(out, 0, d * d, 0);
            for (int i = 0; i < d; i++) {
                out[i * d + i] = 3 * x[i] * x[i] - 1;
            }
            out[1] = 1;
            out[d] = 1;
        }
    }

    static Map<String, CheckResult> run(Energy e) {
        return MetricKitTest.byName(Checks.energy(e, R3, null));
    }

    @Test
    void aCorrectEnergyPassesEveryCheck() {
        List<CheckResult> r = Checks.energy(new Good(), R3, null);
        assertThat(Checks.failed(r)).as(r.toString()).isFalse();
        assertThat(MetricKitTest.byName(r).get(EnergyChecks.HESSIAN_CHECK).status())
                .isEqualTo(CheckResult.Status.PASS);
    }

    @Test
    void aGradientWrongInOneComponentFailsTheGradientCheckNamingIt() {
        Energy wrong = new Good() {
            @Override
            public void gradient(double[] x, double[] out) {
                super.gradient(x, out);
                out[2] *= 1.01; // 1 % off in the third component
            }
        };
        CheckResult g = run(wrong).get(EnergyChecks.GRADIENT_CHECK);
        assertThat(g.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(g.where()).contains("component 3", "gradient", "differences");
    }

    /** Good with the gradients of a run in one call; {@code reassociated} computes x^3 - x instead of x (x^2 - 1). */
    static Energy blockGood(boolean reassociated) {
        return new BlockGradientGood(reassociated);
    }

    static final class BlockGradientGood extends Good implements org.varflow.api.BlockGradient {
        private final boolean reassociated;

        BlockGradientGood(boolean reassociated) {
            this.reassociated = reassociated;
        }

        @Override
        public void gradients(double[] xs, int count, int d, double[] out) {
            for (int p = 0; p < count; p++) {
                int o = p * d;
                for (int i = 0; i < d; i++) {
                    double v = xs[o + i];
                    out[o + i] = reassociated ? v * v * v - v : v * (v * v - 1);
                }
                out[o] += xs[o + 1];
                out[o + 1] += xs[o];
            }
        }
    }

    @Test
    void blockGradientsMustBeTheGradientBitForBit() {
        Map<String, CheckResult> good = run(blockGood(false));
        assertThat(good.values()).noneMatch(CheckResult::failed);
        assertThat(good.get(EnergyChecks.BLOCK_CHECK).status()).isEqualTo(CheckResult.Status.PASS);
        // the same function up to rounding: the gradient check passes, the bitwise contract does not
        Map<String, CheckResult> off = run(blockGood(true));
        assertThat(off.get(EnergyChecks.GRADIENT_CHECK).status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(off.get(EnergyChecks.BLOCK_CHECK).status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(off.get(EnergyChecks.BLOCK_CHECK).worst()).contains("component", "of point", "against");
        assertThat(run(new Good())).doesNotContainKey(EnergyChecks.BLOCK_CHECK);
    }

    @Test
    void aFusedMethodThatDisagreesFailsTheConsistencyCheck() {
        Energy fused = new Good() {
            @Override
            public double valueAndGradient(double[] x, double[] g) {
                gradient(x, g);
                return value(x) + 1e-6;
            }
        };
        assertThat(run(fused).get(EnergyChecks.FUSED_CHECK).status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(run(fused).get(EnergyChecks.GRADIENT_CHECK).status()).isEqualTo(CheckResult.Status.PASS);
    }

    @Test
    void aWrongHessianFailsAndTheDefaultIsNotChecked() {
        Energy wrong = new Good() {
            @Override
            public void hessian(double[] x, double[] out) {
                super.hessian(x, out);
                out[0] += 0.5;
            }
        };
        assertThat(run(wrong).get(EnergyChecks.HESSIAN_CHECK).status()).isEqualTo(CheckResult.Status.FAIL);
        Energy plain = Energy.of(x -> x[0] * x[0], (x, g) -> {
            g[0] = 2 * x[0];
            g[1] = 0;
            g[2] = 0;
        });
        assertThat(run(plain).get(EnergyChecks.HESSIAN_CHECK).status()).isEqualTo(CheckResult.Status.SKIP);
    }

    /** A scratch array shared by every caller: concurrent calls see each other's numbers. */
    @Test
    void aSharedScratchArrayFailsThreadSafety() {
        Energy racy = new Good() {
            private final double[] scratch = new double[3];

            @Override
            public void gradient(double[] x, double[] out) {
                for (int i = 0; i < 3; i++) {
                    scratch[i] = x[i] * (x[i] * x[i] - 1);
                }
                double spin = 0;
                for (int k = 0; k < 200; k++) {
                    spin += Math.sqrt(k + x[0] * x[0]);
                }
                for (int i = 0; i < 3; i++) {
                    out[i] = scratch[i] + (spin < 0 ? 1 : 0);
                }
                out[0] += x[1];
                out[1] += x[0];
            }
        };
        CheckResult t = run(racy).get(EnergyChecks.THREADS_CHECK);
        assertThat(t.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(t.where()).contains("alone", "with 4 threads");
    }

    /** E = |x|^2 / 2 + sum_i (x - a_i)^2 / 2 over 5 terms, optionally with a term left out of the gradient. */
    static FiniteSumEnergy sum(boolean dropLastTerm) {
        double[] a = {1, 2, -1, 0.5, 3};
        return new FiniteSumEnergy() {
            @Override
            public int terms() {
                return a.length;
            }

            @Override
            public double termValue(int i, double[] x) {
                double s = 0;
                for (double v : x) {
                    s += (v - a[i]) * (v - a[i]) / 2;
                }
                return s;
            }

            @Override
            public void addTermGradient(int i, double[] x, double scale, double[] out) {
                if (dropLastTerm && i == a.length - 1) {
                    return;
                }
                for (int j = 0; j < x.length; j++) {
                    out[j] += scale * (x[j] - a[i]);
                }
            }

            @Override
            public void regularizerGradient(double[] x, double[] out) {
                System.arraycopy(x, 0, out, 0, x.length);
            }

            @Override
            public double value(double[] x) {
                double s = 0;
                for (double v : x) {
                    s += v * v / 2;
                }
                for (int i = 0; i < a.length; i++) {
                    s += termValue(i, x);
                }
                return s;
            }

            @Override
            public void gradient(double[] x, double[] out) {
                regularizerGradient(x, out);
                for (int i = 0; i < a.length; i++) {
                    for (int j = 0; j < x.length; j++) {
                        out[j] += x[j] - a[i];
                    }
                }
            }
        };
    }

    @Test
    void finiteSumTermsMustAddUpToTheWhole() {
        assertThat(run(sum(false)).get(EnergyChecks.FINITE_SUM_CHECK).status()).isEqualTo(CheckResult.Status.PASS);
        CheckResult broken = run(sum(true)).get(EnergyChecks.FINITE_SUM_CHECK);
        assertThat(broken.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(broken.where()).contains("dr + sum df_i");
    }

    @Test
    void anEnergyThatThrowsIsAFailureNotACrash() {
        Energy throwing = Energy.of(x -> {
            throw new IllegalStateException("boom");
        }, (x, g) -> {
        });
        assertThat(Checks.failed(Checks.energy(throwing, R3, null))).isTrue();
    }
}
