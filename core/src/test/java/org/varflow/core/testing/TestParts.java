package org.varflow.core.testing;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.varflow.api.BlockGradient;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Entropy;
import org.varflow.api.EntropyFactory;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.RandomStream;
import org.varflow.api.Space;

/**
 * The parts core's tests need and core itself does not provide (they live in the plugin modules, which core must
 * not depend on): a quadratic energy, an energy whose gradient turns NaN, the entropies {@code none} and
 * {@code boltzmann}, and the noises {@code none} and {@code thermal}.
 */
public final class TestParts implements Plugin {
    public static final String ID = "varflow-test-parts";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new QuadraticEnergyFactory(), new PoisonedEnergyFactory(), new SphereOnlyEnergyFactory());
    }

    @Override
    public Collection<EntropyFactory> entropies() {
        return List.of(new NoEntropyFactory(), new BoltzmannEntropyFactory());
    }

    @Override
    public Collection<NoiseFactory> noises() {
        return List.of(new NoNoiseFactory(), new ThermalNoiseFactory());
    }

    /** E(x) = x^T A x / 2 - b^T x, A given as a matrix {@code A} or a diagonal {@code diag} (identity if neither). */
    public static final class QuadraticEnergyFactory implements EnergyFactory {
        @Override
        public String id() {
            return "quadratic";
        }

        @Override
        public String summary() {
            return "quadratic energy x^T A x / 2 - b^T x";
        }

        @Override
        public String formula() {
            return "E(x) = x^T A x / 2 - b^T x";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.matrix("A", "the symmetric matrix A (rows)"),
                    Parameter.vector("diag", null, "the diagonal of A when A is diagonal"),
                    Parameter.vector("b", "0", "the linear term b"));
        }

        @Override
        public Energy create(Parameters parameters, Space space) {
            int d = space.dimension();
            double[] a = new double[d * d];
            if (parameters.has("A")) {
                double[][] m = parameters.matrix("A");
                if (m.length != d || m[0].length != d) {
                    throw new ConfigurationException("energy 'quadratic': A is " + m.length + " x " + m[0].length
                            + " but the space has dimension " + d);
                }
                for (int i = 0; i < d; i++) {
                    System.arraycopy(m[i], 0, a, i * d, d);
                }
            } else {
                double[] diag = parameters.has("diag")
                        ? Parameters.broadcast("energy 'quadratic'", "diag", parameters.vector("diag"), d,
                        "dimension " + d + " is needed")
                        : filled(d, 1.0);
                for (int i = 0; i < d; i++) {
                    a[i * d + i] = diag[i];
                }
            }
            double[] b = Parameters.broadcast("energy 'quadratic'", "b", parameters.vector("b"), d,
                    "dimension " + d + " is needed");
            return new Quadratic(a, b);
        }

        private static double[] filled(int d, double v) {
            double[] out = new double[d];
            Arrays.fill(out, v);
            return out;
        }
    }

    /**
     * x^T A x / 2 - b^T x with its closed-form gradient and Hessian, and the gradients of a run of particles in one
     * call (the arithmetic of {@link #gradient}, particle by particle).
     */
    public static final class Quadratic implements BlockGradient {
        /** Calls of {@link #gradients}, so tests can tell that a run's path was taken. */
        public static final java.util.concurrent.atomic.AtomicLong RUN_CALLS =
                new java.util.concurrent.atomic.AtomicLong();
        private final double[] a;
        private final double[] b;
        private final int d;

        Quadratic(double[] a, double[] b) {
            this.a = a;
            this.b = b;
            this.d = b.length;
        }

        @Override
        public double value(double[] x) {
            double e = 0;
            for (int i = 0; i < d; i++) {
                double ax = 0;
                for (int j = 0; j < d; j++) {
                    ax += a[i * d + j] * x[j];
                }
                e += 0.5 * x[i] * ax - b[i] * x[i];
            }
            return e;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            for (int i = 0; i < d; i++) {
                double ax = 0;
                for (int j = 0; j < d; j++) {
                    ax += a[i * d + j] * x[j];
                }
                out[i] = ax - b[i];
            }
        }

        @Override
        public void gradients(double[] xs, int count, int dimension, double[] out) {
            RUN_CALLS.incrementAndGet();
            for (int p = 0; p < count; p++) {
                int off = p * d;
                for (int i = 0; i < d; i++) {
                    double ax = 0;
                    for (int j = 0; j < d; j++) {
                        ax += a[i * d + j] * xs[off + j];
                    }
                    out[off + i] = ax - b[i];
                }
            }
        }

        @Override
        public void hessian(double[] x, double[] out) {
            System.arraycopy(a, 0, out, 0, d * d);
        }
    }

    /** E(x) = |x|^2 / 2 whose gradient is NaN where x_1 &lt; below: a broken energy the runner must blame. */
    public static final class PoisonedEnergyFactory implements EnergyFactory {
        @Override
        public String id() {
            return "poisoned";
        }

        @Override
        public String summary() {
            return "|x|^2 / 2 with a NaN gradient where x1 < below";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.real("below", 0.5, -1e300, 1e300, "the gradient is NaN where x1 < below"));
        }

        @Override
        public Energy create(Parameters parameters, Space space) {
            double below = parameters.real("below");
            return new Energy() {
                @Override
                public double value(double[] x) {
                    double e = 0;
                    for (double v : x) {
                        e += 0.5 * v * v;
                    }
                    return e;
                }

                @Override
                public void gradient(double[] x, double[] out) {
                    for (int i = 0; i < x.length; i++) {
                        out[i] = x[0] < below ? Double.NaN : x[i];
                    }
                }
            };
        }
    }

    /** An energy declared for the space kind "sphere" only, to exercise the compatibility check. */
    public static final class SphereOnlyEnergyFactory implements EnergyFactory {
        @Override
        public String id() {
            return "sphere-only";
        }

        @Override
        public String summary() {
            return "an energy that works on spheres only";
        }

        @Override
        public java.util.Set<String> spaces() {
            return java.util.Set.of("sphere");
        }

        @Override
        public Energy create(Parameters parameters, Space space) {
            throw new AssertionError("never built: the compatibility check rejects it first");
        }
    }

    /** No entropy term: beta = +infinity. */
    public static final class NoEntropyFactory implements EntropyFactory {
        @Override
        public String id() {
            return "none";
        }

        @Override
        public String summary() {
            return "no entropy term (beta = infinity)";
        }

        @Override
        public Entropy create(Parameters parameters, Space space) {
            return () -> Double.POSITIVE_INFINITY;
        }
    }

    /** beta^-1 integral rho log rho with a constant beta. */
    public static final class BoltzmannEntropyFactory implements EntropyFactory {
        @Override
        public String id() {
            return "boltzmann";
        }

        @Override
        public String summary() {
            return "Boltzmann entropy at inverse temperature beta";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.positive("beta", 1.0, "inverse temperature"));
        }

        @Override
        public Entropy create(Parameters parameters, Space space) {
            double beta = parameters.real("beta");
            return () -> beta;
        }
    }

    /** Nothing fluctuates. */
    public static final class NoNoiseFactory implements NoiseFactory {
        @Override
        public String id() {
            return "none";
        }

        @Override
        public String summary() {
            return "no noise";
        }

        @Override
        public Noise create(Parameters parameters, Space space) {
            return org.varflow.api.NoNoise.INSTANCE;
        }
    }

    /** Thermal noise: out += sqrt(2 h T) S(x) xi, S S^T = K(x), xi ~ N(0, I). */
    public static final class ThermalNoiseFactory implements NoiseFactory {
        @Override
        public String id() {
            return "thermal";
        }

        @Override
        public String summary() {
            return "thermal (Langevin) noise sqrt(2 h T) K^{1/2} xi";
        }

        @Override
        public Noise create(Parameters parameters, Space space) {
            return ThermalNoise.INSTANCE;
        }
    }

    /** Stateless, so one instance serves every block. */
    private enum ThermalNoise implements Noise {
        INSTANCE;

        @Override
        public void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng,
                                 double[] work, double[] out) {
            int d = x.length;
            for (int i = 0; i < d; i++) {
                work[i] = rng.nextGaussian();
            }
            // Metric.sqrtRaise takes whole arrays (no offsets), so xi and S xi cannot be views into work: copy.
            double[] xi = Arrays.copyOfRange(work, 0, d);
            double[] sxi = new double[d];
            metric.sqrtRaise(x, xi, sxi);
            System.arraycopy(sxi, 0, work, d, d);
            double scale = Math.sqrt(2 * h * temperature);
            for (int i = 0; i < d; i++) {
                out[i] += scale * work[d + i];
            }
        }
    }
}
