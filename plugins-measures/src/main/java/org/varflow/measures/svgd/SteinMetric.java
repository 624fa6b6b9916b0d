package org.varflow.measures.svgd;

import org.varflow.api.Metric;
import org.varflow.api.NumericalException;
import org.varflow.api.linalg.Cholesky;
import org.varflow.api.measure.EnsembleLayout;

/** K = (1/N) [k(x_p, x_q)] (x) I_d with a Gaussian kernel of fixed bandwidth; see {@link SteinMetricFactory}. */
public final class SteinMetric implements Metric {
    /** Particles whose pairwise distances give the median bandwidth. */
    static final int MEDIAN_SAMPLE = 128;
    private static final int BLOCK = 64;
    private final EnsembleLayout layout;
    private final double fixed;
    private final ThreadLocal<double[]> cholesky;
    private final ThreadLocal<double[]> distances;

    /** @param fixed the bandwidth, or NaN for the median heuristic at every application */
    SteinMetric(EnsembleLayout layout, double fixed) {
        this.layout = layout;
        this.fixed = fixed;
        int n = layout.n();
        this.cholesky = ThreadLocal.withInitial(() -> new double[n * n]);
        int s = Math.min(n, MEDIAN_SAMPLE);
        this.distances = ThreadLocal.withInitial(() -> new double[Math.max(1, s * (s - 1) / 2)]);
    }

    /** The kernel bandwidth l at X. */
    public double length(double[] x) {
        if (!Double.isNaN(fixed)) {
            return fixed;
        }
        int n = Math.min(layout.n(), MEDIAN_SAMPLE);
        int d = layout.d();
        if (n < 2) {
            return 1.0;
        }
        double[] r2 = distances.get();
        int k = 0;
        for (int p = 0; p < n; p++) {
            for (int q = p + 1; q < n; q++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    double z = x[p * d + a] - x[q * d + a];
                    s += z * z;
                }
                r2[k++] = s;
            }
        }
        double med = select(r2, k, k / 2);
        double l2 = med / (2 * Math.log(Math.max(layout.n(), 2)));
        if (!(l2 > 0)) {
            throw new NumericalException("metric 'stein': the ensemble has collapsed (median distance 0), so the"
                    + " median bandwidth is 0; use metric.bandwidth=fixed");
        }
        return Math.sqrt(l2);
    }

    /** The k-th smallest of a[0, n) (Hoare's quickselect; reorders a). */
    private static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    @Override
    public void raise(double[] x, double[] covector, double[] out) {
        int n = layout.n();
        int d = layout.d();
        double l = length(x);
        double c = -0.5 / (l * l);
        double inv = 1.0 / n;
        for (int i = 0; i < n * d; i++) {
            out[i] = covector[i] * inv; // the q = p term, k = 1
        }
        for (int p0 = 0; p0 < n; p0 += BLOCK) {
            int p1 = Math.min(n, p0 + BLOCK);
            for (int q0 = p0; q0 < n; q0 += BLOCK) {
                int q1 = Math.min(n, q0 + BLOCK);
                for (int p = p0; p < p1; p++) {
                    for (int q = Math.max(q0, p + 1); q < q1; q++) {
                        double w = kernel(x, p, q, d, c) * inv;
                        for (int a = 0; a < d; a++) {
                            out[p * d + a] += w * covector[q * d + a];
                            out[q * d + a] += w * covector[p * d + a];
                        }
                    }
                }
            }
        }
    }

    @Override
    public void divergence(double[] x, double[] out) {
        int n = layout.n();
        int d = layout.d();
        double l = length(x);
        double c = -0.5 / (l * l);
        double inv = 1.0 / (n * l * l);
        java.util.Arrays.fill(out, 0, n * d, 0.0);
        for (int p0 = 0; p0 < n; p0 += BLOCK) {
            int p1 = Math.min(n, p0 + BLOCK);
            for (int q0 = p0; q0 < n; q0 += BLOCK) {
                int q1 = Math.min(n, q0 + BLOCK);
                for (int p = p0; p < p1; p++) {
                    for (int q = Math.max(q0, p + 1); q < q1; q++) {
                        double w = kernel(x, p, q, d, c) * inv;
                        for (int a = 0; a < d; a++) {
                            double f = w * (x[p * d + a] - x[q * d + a]);
                            out[p * d + a] += f;
                            out[q * d + a] -= f;
                        }
                    }
                }
            }
        }
    }

    /**
     * out = (L (x) I_d) xi with L L^T = (1/N)[k(x_p, x_q)] by Cholesky (O(N^3); a jitter of 1e-12 to 1e-6 times the
     * diagonal is added when rounding makes the kernel matrix numerically singular).
     */
    @Override
    public void sqrtRaise(double[] x, double[] xi, double[] out) {
        int n = layout.n();
        int d = layout.d();
        double[] l = cholesky.get();
        double length = length(x);
        double c = -0.5 / (length * length);
        double jitter = 0;
        while (!factor(x, l, n, d, jitter, c)) {
            jitter = jitter == 0 ? 1e-12 : jitter * 10;
            if (jitter > 1e-6) {
                throw new NumericalException("metric 'stein': the kernel matrix is not positive definite even with a"
                        + " jitter of 1e-6 (particles on top of each other?)");
            }
        }
        for (int a = 0; a < d; a++) {
            Cholesky.multiplyLower(l, n, xi, out, a, d);
        }
    }

    private boolean factor(double[] x, double[] l, int n, int d, double jitter, double c) {
        double inv = 1.0 / n;
        for (int p = 0; p < n; p++) {
            for (int q = 0; q <= p; q++) {
                l[p * n + q] = (p == q ? 1 + jitter : kernel(x, p, q, d, c)) * inv;
            }
        }
        return Cholesky.factor(l, n) < 0;
    }

    private static double kernel(double[] x, int p, int q, int d, double c) {
        double r2 = 0;
        for (int a = 0; a < d; a++) {
            double z = x[p * d + a] - x[q * d + a];
            r2 += z * z;
        }
        return Math.exp(c * r2);
    }
}
