package org.varflow.ot;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The 2-Wasserstein distance between two Gaussian measures in closed form (the Bures-Wasserstein distance):
 *
 * <pre>
 *   W2^2( N(m1, S1), N(m2, S2) ) = |m1 - m2|^2 + tr( S1 + S2 - 2 (S1^{1/2} S2 S1^{1/2})^{1/2} ).
 * </pre>
 *
 * Square roots of symmetric positive semi-definite matrices are taken through the eigendecomposition
 * S = V diag(lambda) V^T, S^{1/2} = V diag(sqrt(lambda)) V^T (Commons Math {@link EigenDecomposition}); eigenvalues
 * that are negative only by rounding are clipped to 0. In one dimension the formula reduces to
 *
 * <pre>
 *   W2^2( N(m1, s1^2), N(m2, s2^2) ) = (m1 - m2)^2 + (s1 - s2)^2,
 * </pre>
 *
 * and for commuting covariances to |m1 - m2|^2 + |S1^{1/2} - S2^{1/2}|_F^2.
 *
 * <p>Covariances are given row-major as d x d arrays of length d * d, with d the length of the means. They must be
 * finite, symmetric (relative tolerance {@value #SYMMETRY_TOLERANCE}) and positive semi-definite (smallest eigenvalue
 * >= -{@value #PSD_TOLERANCE} times the largest). Stateless; not meant for inner loops (allocates matrices).
 */
public final class GaussianW2 {
    static final double SYMMETRY_TOLERANCE = 1e-10;
    static final double PSD_TOLERANCE = 1e-10;

    private GaussianW2() {
    }

    /** W2 between N(m1, S1) and N(m2, S2); see {@link #squared(double[], double[], double[], double[])}. */
    public static double distance(double[] mean1, double[] cov1, double[] mean2, double[] cov2) {
        return Math.sqrt(squared(mean1, cov1, mean2, cov2));
    }

    /**
     * W2^2 = |m1 - m2|^2 + tr(S1) + tr(S2) - 2 tr((S1^{1/2} S2 S1^{1/2})^{1/2}), clamped at 0 against rounding.
     *
     * @param mean1 m1, length d >= 1
     * @param cov1 S1, row-major d x d, symmetric positive semi-definite
     * @param mean2 m2, length d
     * @param cov2 S2, row-major d x d, symmetric positive semi-definite
     */
    public static double squared(double[] mean1, double[] cov1, double[] mean2, double[] cov2) {
        Checks.nonEmpty("mean1", mean1);
        Checks.finite("mean1", mean1);
        int d = mean1.length;
        Checks.notNull("mean2", mean2);
        if (mean2.length != d) {
            throw new IllegalArgumentException("mean2 has length " + mean2.length + " but mean1 has length " + d
                    + ": both means must have the dimension d");
        }
        Checks.finite("mean2", mean2);
        RealMatrix s1 = covariance("cov1", cov1, d);
        RealMatrix s2 = covariance("cov2", cov2, d);

        double meanTerm = 0;
        for (int k = 0; k < d; k++) {
            double diff = mean1[k] - mean2[k];
            meanTerm += diff * diff;
        }
        if (d == 1) {
            double sd1 = Math.sqrt(Math.max(cov1[0], 0));
            double sd2 = Math.sqrt(Math.max(cov2[0], 0));
            return meanTerm + (sd1 - sd2) * (sd1 - sd2);
        }
        RealMatrix root1 = symmetricSqrt(s1);
        RealMatrix middle = root1.multiply(s2).multiply(root1);
        symmetrise(middle);
        double crossTrace = 0;
        for (double lambda : new EigenDecomposition(middle).getRealEigenvalues()) {
            crossTrace += Math.sqrt(Math.max(lambda, 0));
        }
        double bures = s1.getTrace() + s2.getTrace() - 2 * crossTrace;
        return meanTerm + Math.max(bures, 0);
    }

    /**
     * The one-dimensional shortcut W2^2(N(m1, s1^2), N(m2, s2^2)) = (m1 - m2)^2 + (s1 - s2)^2.
     *
     * @param sd1 standard deviation s1 >= 0 (not the variance)
     * @param sd2 standard deviation s2 >= 0
     */
    public static double squared1D(double mean1, double sd1, double mean2, double sd2) {
        finiteScalar("mean1", mean1);
        finiteScalar("mean2", mean2);
        standardDeviation("sd1", sd1);
        standardDeviation("sd2", sd2);
        double dm = mean1 - mean2;
        double ds = sd1 - sd2;
        return dm * dm + ds * ds;
    }

    /** W2 in one dimension: sqrt((m1 - m2)^2 + (s1 - s2)^2), with standard deviations s1, s2 >= 0. */
    public static double distance1D(double mean1, double sd1, double mean2, double sd2) {
        return Math.sqrt(squared1D(mean1, sd1, mean2, sd2));
    }

    /** S^{1/2} = V diag(sqrt(max(lambda, 0))) V^T for a symmetric positive semi-definite S. */
    static RealMatrix symmetricSqrt(RealMatrix s) {
        EigenDecomposition eig = new EigenDecomposition(s);
        RealMatrix v = eig.getV();
        double[] lambda = eig.getRealEigenvalues();
        int d = lambda.length;
        double[][] out = new double[d][d];
        for (int k = 0; k < d; k++) {
            double r = Math.sqrt(Math.max(lambda[k], 0));
            if (r == 0) {
                continue;
            }
            for (int i = 0; i < d; i++) {
                double vik = v.getEntry(i, k) * r;
                for (int j = 0; j < d; j++) {
                    out[i][j] += vik * v.getEntry(j, k);
                }
            }
        }
        RealMatrix root = new Array2DRowRealMatrix(out, false);
        symmetrise(root);
        return root;
    }

    private static RealMatrix covariance(String name, double[] cov, int d) {
        Checks.notNull(name, cov);
        if (cov.length != d * d) {
            throw new IllegalArgumentException(name + " has length " + cov.length + " but d * d = " + d * d
                    + " (d = " + d + " from the means): give the covariance row-major, d x d");
        }
        Checks.finite(name, cov);
        double scale = 0;
        for (double c : cov) {
            scale = Math.max(scale, Math.abs(c));
        }
        double[][] rows = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double cij = cov[i * d + j];
                double cji = cov[j * d + i];
                if (Math.abs(cij - cji) > SYMMETRY_TOLERANCE * scale) {
                    throw new IllegalArgumentException(name + "[" + i + "," + j + "] = " + cij + " but " + name + "["
                            + j + "," + i + "] = " + cji + ": a covariance must be symmetric (relative tolerance "
                            + SYMMETRY_TOLERANCE + ")");
                }
                rows[i][j] = 0.5 * (cij + cji);
            }
        }
        RealMatrix s = new Array2DRowRealMatrix(rows, false);
        if (d > 1 || rows[0][0] < 0) {
            double[] lambda = new EigenDecomposition(s).getRealEigenvalues();
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (double l : lambda) {
                min = Math.min(min, l);
                max = Math.max(max, Math.abs(l));
            }
            if (min < -PSD_TOLERANCE * max) {
                throw new IllegalArgumentException(name + " has eigenvalue " + min + ": a covariance must be positive "
                        + "semi-definite (eigenvalues >= -" + PSD_TOLERANCE + " * largest |eigenvalue|)");
            }
        }
        return s;
    }

    private static void symmetrise(RealMatrix a) {
        int d = a.getRowDimension();
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double avg = 0.5 * (a.getEntry(i, j) + a.getEntry(j, i));
                a.setEntry(i, j, avg);
                a.setEntry(j, i, avg);
            }
        }
    }

    private static void finiteScalar(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + ": must be finite");
        }
    }

    private static void standardDeviation(String name, double sd) {
        if (!Double.isFinite(sd) || sd < 0) {
            throw new IllegalArgumentException(name + " = " + sd + ": a standard deviation must be finite and >= 0 "
                    + "(pass the standard deviation, not the variance)");
        }
    }
}
