package org.varflow.models.sampling;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test of samples against a density known up to its normalising constant, on fixed bins:
 * the outer two bins are unbounded, the inner ones of equal width. Bin probabilities come from composite Simpson
 * integration (20000 panels) of the unnormalised density over [lo, hi], which must hold all but a negligible mass.
 */
final class GibbsHistogram {
    private final double[] edges;
    private final double[] probabilities;

    /**
     * @param density unnormalised density
     * @param inner   edges of the inner bins, increasing; bins are (-inf, e0], (e0, e1], ..., (e_last, inf)
     * @param lo      lower end of the integration range
     * @param hi      upper end
     */
    GibbsHistogram(DoubleUnaryOperator density, double[] inner, double lo, double hi) {
        this.edges = inner.clone();
        double[] cuts = new double[inner.length + 2];
        cuts[0] = lo;
        System.arraycopy(inner, 0, cuts, 1, inner.length);
        cuts[cuts.length - 1] = hi;
        probabilities = new double[inner.length + 1];
        double total = 0;
        for (int b = 0; b < probabilities.length; b++) {
            probabilities[b] = simpson(density, cuts[b], cuts[b + 1], 20_000 / probabilities.length * 2);
            total += probabilities[b];
        }
        for (int b = 0; b < probabilities.length; b++) {
            probabilities[b] /= total;
        }
    }

    /** Equal-width inner edges from a to b in steps of w. */
    static double[] edges(double a, double b, double w) {
        int count = (int) Math.round((b - a) / w) + 1;
        double[] e = new double[count];
        for (int i = 0; i < count; i++) {
            e[i] = a + i * w;
        }
        return e;
    }

    int bins() {
        return probabilities.length;
    }

    double smallestExpectedCount(int n) {
        double min = Double.POSITIVE_INFINITY;
        for (double p : probabilities) {
            min = Math.min(min, p * n);
        }
        return min;
    }

    /** Pearson's statistic sum (O - E)^2 / E. */
    double statistic(double[] samples) {
        long[] counts = new long[probabilities.length];
        for (double x : samples) {
            int b = 0;
            while (b < edges.length && x > edges[b]) {
                b++;
            }
            counts[b]++;
        }
        double chi2 = 0;
        for (int b = 0; b < counts.length; b++) {
            double expected = probabilities[b] * samples.length;
            chi2 += (counts[b] - expected) * (counts[b] - expected) / expected;
        }
        return chi2;
    }

    /** The (1 - alpha) quantile of chi-square with bins - 1 degrees of freedom (nothing is fitted). */
    double critical(double alpha) {
        return new ChiSquaredDistribution(bins() - 1).inverseCumulativeProbability(1 - alpha);
    }

    /** Mean of x^2 under the density on [lo, hi], for comparisons of moments. */
    static double secondMoment(DoubleUnaryOperator density, double lo, double hi) {
        return simpson(x -> x * x * density.applyAsDouble(x), lo, hi, 20_000) / simpson(density, lo, hi, 20_000);
    }

    private static double simpson(DoubleUnaryOperator f, double a, double b, int panels) {
        int n = panels % 2 == 0 ? panels : panels + 1;
        double w = (b - a) / n;
        double s = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * w);
        }
        return s * w / 3;
    }
}
