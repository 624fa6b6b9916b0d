package org.varflow.cli.law;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Laws on the line as quantile functions Q(u), 0 &lt; u &lt; 1, and the Wasserstein-2 distance between two of them,
 * W2^2 = integral_0^1 (Q1(u) - Q2(u))^2 du: the one formula that compares samples, a density on a grid and a closed
 * form alike. The integral is taken by the midpoint rule on {@code m} points; it is exact for two sets of N samples
 * when N divides m (both quantile functions are then constant on each of the m cells), and for a grid density
 * (piecewise-linear Q) its error is O(m^-2).
 */
public final class Quantiles {
    private Quantiles() {
    }

    /** The empirical quantile function of samples: the sorted sample x_(k), k = floor(u N). */
    public static DoubleUnaryOperator ofSamples(double[] samples) {
        double[] s = Arrays.stream(samples).filter(Double::isFinite).sorted().toArray();
        if (s.length == 0) {
            throw new IllegalArgumentException("no finite samples");
        }
        return u -> s[Math.min(s.length - 1, (int) Math.floor(u * s.length))];
    }

    /**
     * The quantile function of a density that is constant on the cells [lower + i dx, lower + (i + 1) dx) (negative
     * values count as 0; normalised to mass 1): piecewise linear, the exact inverse of its distribution function.
     */
    public static DoubleUnaryOperator ofCells(double lower, double dx, double[] rho) {
        int n = rho.length;
        double[] cdf = new double[n + 1];
        for (int i = 0; i < n; i++) {
            cdf[i + 1] = cdf[i] + Math.max(0, rho[i]) * dx;
        }
        double mass = cdf[n];
        if (!(mass > 0)) {
            throw new IllegalArgumentException("the density has no mass");
        }
        for (int i = 0; i <= n; i++) {
            cdf[i] /= mass;
        }
        return u -> {
            int lo = 0;
            int hi = n;
            while (hi - lo > 1) { // cdf[lo] <= u < cdf[hi]
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] <= u) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double span = cdf[lo + 1] - cdf[lo];
            double f = span > 0 ? (u - cdf[lo]) / span : 0;
            return lower + (lo + Math.min(1, Math.max(0, f))) * dx;
        };
    }

    /** The quantile function of N(mean, sd^2). */
    public static DoubleUnaryOperator ofNormal(double mean, double sd) {
        NormalDistribution normal = new NormalDistribution(null, mean, sd);
        return normal::inverseCumulativeProbability;
    }

    /** W2 between two laws given by their quantile functions, by the midpoint rule on m points. */
    public static double w2(DoubleUnaryOperator a, DoubleUnaryOperator b, int m) {
        double s = 0;
        for (int k = 0; k < m; k++) {
            double u = (k + 0.5) / m;
            double d = a.applyAsDouble(u) - b.applyAsDouble(u);
            s += d * d;
        }
        return Math.sqrt(s / m);
    }
}
