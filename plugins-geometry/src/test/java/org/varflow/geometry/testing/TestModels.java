package org.varflow.geometry.testing;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Entropy;
import org.varflow.api.EntropyFactory;
import org.varflow.api.FiniteSumEnergy;
import org.varflow.api.FisherInformation;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.RandomStream;
import org.varflow.api.Space;

/**
 * The parts the geometry tests need and this module does not provide (energies live in plugins-models, entropies and
 * noises in plugins-noise, and this module may depend on neither): small energies with closed-form behaviour on each
 * space kind, entropies {@code none}/{@code boltzmann} and noises {@code none}/{@code thermal}.
 */
public final class TestModels implements Plugin {

    @Override
    public String id() {
        return "geometry-test-models";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(
                energy("test-quadratic", Set.of(), (p, s) -> Quadratic.of(p, s.dimension()),
                        Parameter.matrix("A", "matrix"), Parameter.vector("b", "0", "linear term")),
                energy("test-fisher-quadratic", Set.of(Space.EUCLIDEAN),
                        (p, s) -> new FisherQuadratic(Quadratic.of(p, s.dimension())),
                        Parameter.matrix("A", "matrix"), Parameter.vector("b", "0", "linear term")),
                energy("test-least-squares", Set.of(Space.EUCLIDEAN), (p, s) -> LeastSquares.of(s.dimension())),
                energy("test-rayleigh", Set.of("sphere"), (p, s) -> Quadratic.of(p, s.dimension()),
                        Parameter.matrix("A", "matrix"), Parameter.vector("b", "0", "linear term")),
                energy("test-linear", Set.of("simplex", "positive-orthant"), (p, s) -> new Linear(
                        p.vector("c").length == 1 ? fill(s.dimension(), p.vector("c")[0]) : p.vector("c")),
                        Parameter.vector("c", "1", "costs")),
                energy("test-poisson", Set.of("simplex", "positive-orthant"), (p, s) -> new Poisson(
                        fill(s.dimension(), p.real("b"))), Parameter.real("b", 2, 0.1, 10, "count")),
                energy("test-hyperbolic-origin", Set.of("poincare-ball"), (p, s) -> new HyperbolicOrigin()));
    }

    @Override
    public Collection<EntropyFactory> entropies() {
        return List.of(entropy("none", Double.POSITIVE_INFINITY), new EntropyFactory() {
            @Override
            public String id() {
                return "boltzmann";
            }

            @Override
            public String summary() {
                return "Boltzmann entropy";
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(Parameter.positive("beta", 1, "inverse temperature"));
            }

            @Override
            public Entropy create(Parameters parameters, Space space) {
                double beta = parameters.real("beta");
                return () -> beta;
            }
        });
    }

    @Override
    public Collection<NoiseFactory> noises() {
        return List.of(noise("none", org.varflow.api.NoNoise.INSTANCE), noise("thermal", Thermal.INSTANCE));
    }

    static double[] fill(int d, double v) {
        double[] out = new double[d];
        Arrays.fill(out, v);
        return out;
    }

    interface Maker {
        Energy make(Parameters p, Space s);
    }

    private static EnergyFactory energy(String id, Set<String> spaces, Maker maker, Parameter... params) {
        return new EnergyFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String summary() {
                return "test energy " + id;
            }

            @Override
            public Set<String> spaces() {
                return spaces;
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(params);
            }

            @Override
            public Energy create(Parameters parameters, Space space) {
                return maker.make(parameters, space);
            }
        };
    }

    private static EntropyFactory entropy(String id, double beta) {
        return new EntropyFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String summary() {
                return "entropy " + id;
            }

            @Override
            public Entropy create(Parameters parameters, Space space) {
                return () -> beta;
            }
        };
    }

    private static NoiseFactory noise(String id, Noise noise) {
        return new NoiseFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String summary() {
                return "noise " + id;
            }

            @Override
            public Noise create(Parameters parameters, Space space) {
                return noise;
            }
        };
    }

    /** E = x^T A x / 2 - b^T x (A = I unless given). */
    public static class Quadratic implements Energy {
        final double[] a;
        final double[] b;
        final int d;

        Quadratic(double[] a, double[] b, int d) {
            this.a = a;
            this.b = b;
            this.d = d;
        }

        static Quadratic of(Parameters p, int d) {
            double[] a = new double[d * d];
            if (p.has("A")) {
                double[][] m = p.matrix("A");
                if (m.length != d) {
                    throw new ConfigurationException("A is " + m.length + " x " + m[0].length + ", d = " + d);
                }
                for (int i = 0; i < d; i++) {
                    System.arraycopy(m[i], 0, a, i * d, d);
                }
            } else {
                for (int i = 0; i < d; i++) {
                    a[i * d + i] = 1;
                }
            }
            double[] bv = p.vector("b");
            return new Quadratic(a, bv.length == 1 ? fill(d, bv[0]) : bv, d);
        }

        @Override
        public double value(double[] x) {
            double e = 0;
            for (int i = 0; i < d; i++) {
                double ax = 0;
                for (int j = 0; j < d; j++) {
                    ax += a[i * d + j] * x[j];
                }
                e += x[i] * (0.5 * ax - b[i]);
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
        public void hessian(double[] x, double[] out) {
            System.arraycopy(a, 0, out, 0, d * d);
        }
    }

    /** A quadratic whose "Fisher information" is A: natural gradient on it is Newton's flow. */
    public static final class FisherQuadratic extends Quadratic implements FisherInformation {
        FisherQuadratic(Quadratic q) {
            super(q.a, q.b, q.d);
        }

        @Override
        public void fisher(double[] x, double[] out) {
            System.arraycopy(a, 0, out, 0, d * d);
        }
    }

    /**
     * Least squares as a finite sum: f_i(x) = (a_i . x - y_i)^2 / (2n), n = 4 fixed rows a_i = (1, i, i^2, ...) /
     * scaled, y_i = i; its empirical Fisher (mean convention) is (1/n) sum_i r_i^2 a_i a_i^T, r_i = a_i . x - y_i.
     */
    public static final class LeastSquares implements FiniteSumEnergy {
        final double[] rows;
        final double[] y;
        final int n;
        final int d;

        LeastSquares(double[] rows, double[] y, int n, int d) {
            this.rows = rows;
            this.y = y;
            this.n = n;
            this.d = d;
        }

        static LeastSquares of(int d) {
            int n = d + 3;
            double[] rows = new double[n * d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    rows[i * d + j] = Math.pow((i + 1.0) / n, j);
                }
                y[i] = Math.sin(i + 1.0);
            }
            return new LeastSquares(rows, y, n, d);
        }

        public double residual(int i, double[] x) {
            double r = -y[i];
            for (int j = 0; j < d; j++) {
                r += rows[i * d + j] * x[j];
            }
            return r;
        }

        public double row(int i, int j) {
            return rows[i * d + j];
        }

        @Override
        public int terms() {
            return n;
        }

        @Override
        public void addTermGradient(int i, double[] x, double scale, double[] out) {
            double r = residual(i, x);
            for (int j = 0; j < d; j++) {
                out[j] += scale * r * rows[i * d + j] / n;
            }
        }

        @Override
        public double termValue(int i, double[] x) {
            double r = residual(i, x);
            return r * r / (2 * n);
        }

        @Override
        public double value(double[] x) {
            double e = 0;
            for (int i = 0; i < n; i++) {
                e += termValue(i, x);
            }
            return e;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            Arrays.fill(out, 0, d, 0.0);
            for (int i = 0; i < n; i++) {
                addTermGradient(i, x, 1.0, out);
            }
        }
    }

    /** E = c^T x. */
    record Linear(double[] c) implements Energy {
        @Override
        public double value(double[] x) {
            double e = 0;
            for (int i = 0; i < c.length; i++) {
                e += c[i] * x[i];
            }
            return e;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            System.arraycopy(c, 0, out, 0, c.length);
        }
    }

    /** E = sum x_i - b_i log x_i. */
    record Poisson(double[] b) implements Energy {
        @Override
        public double value(double[] x) {
            double e = 0;
            for (int i = 0; i < b.length; i++) {
                e += x[i] - b[i] * Math.log(x[i]);
            }
            return e;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            for (int i = 0; i < b.length; i++) {
                out[i] = 1 - b[i] / x[i];
            }
        }
    }

    /** E = d_H(x, 0)^2 / 2 = 2 artanh(|x|)^2 in the Poincare ball. */
    record HyperbolicOrigin() implements Energy {
        @Override
        public double value(double[] x) {
            double r = Math.sqrt(dot(x));
            double d = 2 * atanh(r);
            return 0.5 * d * d;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            double r = Math.sqrt(dot(x));
            // d/dx (2 artanh r)^2 / 2 = 2 artanh(r) * 2 / (1 - r^2) * x / r
            double k = r == 0 ? 4.0 : 2 * atanh(r) * 2 / (1 - r * r) / r;
            for (int i = 0; i < x.length; i++) {
                out[i] = k * x[i];
            }
        }

        static double atanh(double r) {
            return 0.5 * Math.log((1 + r) / (1 - r));
        }

        static double dot(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return s;
        }
    }


    /** sqrt(2 h T) S xi and the Ito drift T div K (allocates: tests only). */
    private enum Thermal implements Noise {
        INSTANCE;

        @Override
        public void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng,
                                 double[] work, double[] out) {
            int d = x.length;
            double[] xi = new double[d];
            double[] s = new double[d];
            rng.nextGaussians(xi);
            metric.sqrtRaise(x, xi, s);
            double scale = Math.sqrt(2 * h * temperature);
            for (int i = 0; i < d; i++) {
                out[i] += scale * s[i];
            }
        }

        @Override
        public void addDriftCorrection(double[] x, double temperature, Metric metric, double[] work, double[] out) {
            if (metric instanceof org.varflow.api.ConstantMetric) {
                return;
            }
            double[] div = new double[x.length];
            metric.divergence(x, div);
            for (int i = 0; i < x.length; i++) {
                out[i] += temperature * div[i];
            }
        }
    }
}
