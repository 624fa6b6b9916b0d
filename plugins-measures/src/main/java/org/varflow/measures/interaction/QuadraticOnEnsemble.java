package org.varflow.measures.interaction;

import org.varflow.api.Energy;
import org.varflow.api.measure.EnsembleLayout;
import org.varflow.measures.particles.ParticleCurvature;

/**
 * The quadratic kernel W(z) = s |z|^2 / 2 in O(N d) through the centre of mass m:
 * (1/2N) sum_{p,q} s |x_p - x_q|^2 / 2 = (s/2) sum_p |x_p - m|^2, gradient s (x_p - m) + c x_p.
 */
final class QuadraticOnEnsemble implements Energy, ParticleCurvature {
    private final EnsembleLayout layout;
    private final double s;
    private final double c;

    QuadraticOnEnsemble(EnsembleLayout layout, double s, double c) {
        this.layout = layout;
        this.s = s;
        this.c = c;
    }

    @Override
    public double value(double[] x) {
        int n = layout.n();
        int d = layout.d();
        double e = 0;
        for (int a = 0; a < d; a++) {
            double m = mean(x, a);
            for (int p = 0; p < n; p++) {
                double v = x[p * d + a];
                e += 0.5 * s * (v - m) * (v - m) + 0.5 * c * v * v;
            }
        }
        return e;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        int n = layout.n();
        int d = layout.d();
        for (int a = 0; a < d; a++) {
            double m = mean(x, a);
            for (int p = 0; p < n; p++) {
                double v = x[p * d + a];
                out[p * d + a] = s * (v - m) + c * v;
            }
        }
    }

    @Override
    public void curvatureDiagonal(double[] x, double[] out) {
        double k = Math.max(0, s * (1 - 1.0 / layout.n()) + c);
        java.util.Arrays.fill(out, 0, layout.length(), k);
    }

    private double mean(double[] x, int a) {
        int n = layout.n();
        int d = layout.d();
        double m = 0;
        for (int p = 0; p < n; p++) {
            m += x[p * d + a];
        }
        return m / n;
    }
}
