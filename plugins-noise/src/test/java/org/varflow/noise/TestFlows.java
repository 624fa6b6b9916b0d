package org.varflow.noise;

import org.varflow.api.ConstantMetric;
import org.varflow.api.Energy;
import org.varflow.api.Entropy;
import org.varflow.api.FiniteSumEnergy;
import org.varflow.api.Flow;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.Parameters;
import org.varflow.noise.thermal.ThermalNoiseFactory;

/** Flows assembled by hand for unit tests (no core): metrics, energies, the real thermal noise. */
public final class TestFlows {
    private TestFlows() {
    }

    /** K = I. */
    public static final Metric IDENTITY = new ConstantMetric() {
        @Override
        public void raise(double[] x, double[] v, double[] out) {
            System.arraycopy(v, 0, out, 0, x.length);
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            System.arraycopy(xi, 0, out, 0, x.length);
        }
    };

    /** K = S S^T for a constant lower-triangular S (row-major, 2 x 2). */
    public static Metric constant2d(double s11, double s21, double s22) {
        return new ConstantMetric() {
            @Override
            public void raise(double[] x, double[] v, double[] out) {
                double k11 = s11 * s11;
                double k12 = s11 * s21;
                double k22 = s21 * s21 + s22 * s22;
                out[0] = k11 * v[0] + k12 * v[1];
                out[1] = k12 * v[0] + k22 * v[1];
            }

            @Override
            public void sqrtRaise(double[] x, double[] xi, double[] out) {
                out[0] = s11 * xi[0];
                out[1] = s21 * xi[0] + s22 * xi[1];
            }
        };
    }

    /** E(x) = x1^4/4 + x1 x2 / 2 + x2^2 (non-quadratic, 2-D). */
    public static final Energy QUARTIC = new Energy() {
        @Override
        public double value(double[] x) {
            return Math.pow(x[0], 4) / 4 + 0.5 * x[0] * x[1] + x[1] * x[1];
        }

        @Override
        public void gradient(double[] x, double[] out) {
            out[0] = x[0] * x[0] * x[0] + 0.5 * x[1];
            out[1] = 0.5 * x[0] + 2 * x[1];
        }
    };

    /** E(x) = |x|^2 / 2. */
    public static final Energy HALF_SQUARE = new Energy() {
        @Override
        public double value(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return 0.5 * s;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            System.arraycopy(x, 0, out, 0, x.length);
        }
    };

    /**
     * A least-squares finite sum on R^2: r(x) = |x|^2 / 2, f_i(x) = (a_i . x - y_i)^2 / 2, n terms with fixed a_i,
     * y_i; records how often each term's gradient was asked for.
     */
    public static final class LeastSquares implements FiniteSumEnergy {
        public final double[][] a;
        public final double[] y;
        public final long[] requests;

        public LeastSquares(int n) {
            a = new double[n][2];
            y = new double[n];
            requests = new long[n];
            java.util.Random r = new java.util.Random(11);
            for (int i = 0; i < n; i++) {
                a[i][0] = r.nextGaussian();
                a[i][1] = 1 + r.nextGaussian();
                y[i] = 2 * r.nextGaussian();
            }
        }

        @Override
        public int terms() {
            return y.length;
        }

        @Override
        public void addTermGradient(int i, double[] x, double scale, double[] out) {
            requests[i]++;
            double r = a[i][0] * x[0] + a[i][1] * x[1] - y[i];
            out[0] += scale * r * a[i][0];
            out[1] += scale * r * a[i][1];
        }

        @Override
        public double termValue(int i, double[] x) {
            double r = a[i][0] * x[0] + a[i][1] * x[1] - y[i];
            return 0.5 * r * r;
        }

        @Override
        public void regularizerGradient(double[] x, double[] out) {
            out[0] = x[0];
            out[1] = x[1];
        }

        @Override
        public double value(double[] x) {
            double e = 0.5 * (x[0] * x[0] + x[1] * x[1]);
            for (int i = 0; i < y.length; i++) {
                e += termValue(i, x);
            }
            return e;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            regularizerGradient(x, out);
            for (int i = 0; i < y.length; i++) {
                double r = a[i][0] * x[0] + a[i][1] * x[1] - y[i];
                out[0] += r * a[i][0];
                out[1] += r * a[i][1];
            }
        }

        /** d f_i(x). */
        public double[] termGradient(int i, double[] x) {
            double r = a[i][0] * x[0] + a[i][1] * x[1] - y[i];
            return new double[] {r * a[i][0], r * a[i][1]};
        }
    }

    /** Entropy with constant beta (+infinity: none). */
    public static Entropy beta(double beta) {
        return () -> beta;
    }

    /** The real thermal noise of this module. */
    public static Noise thermal() {
        return new ThermalNoiseFactory().create(Parameters.empty(), new TestSpace(1));
    }

    /** Zero noise. */
    public static Noise none() {
        return new org.varflow.noise.none.NoNoiseFactory().create(Parameters.empty(), new TestSpace(1));
    }

    /** A flow on R^d (Euclidean kind). */
    public static Flow flow(int d, Metric metric, Energy energy, double beta, boolean noisy) {
        return new Flow(new TestSpace(d), metric, energy, beta(beta), noisy ? thermal() : none());
    }
}
