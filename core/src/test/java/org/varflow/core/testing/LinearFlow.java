package org.varflow.core.testing;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Closed forms for the gradient flow x' = -(A x - b) of E(x) = x^T A x / 2 - b^T x with A symmetric positive
 * definite, and for its Euler and implicit-Euler iterates.
 */
public final class LinearFlow {
    private final RealMatrix a;
    private final RealVector b;
    private final EigenDecomposition eigen;

    public LinearFlow(double[][] a, double[] b) {
        this.a = new Array2DRowRealMatrix(a);
        this.b = new ArrayRealVector(b);
        this.eigen = new EigenDecomposition(this.a);
    }

    /** x* = A^-1 b. */
    public double[] minimizer() {
        return eigen.getSolver().solve(b).toArray();
    }

    /** The largest eigenvalue L of A. */
    public double largestEigenvalue() {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : eigen.getRealEigenvalues()) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** x(t) = x* + expm(-t A) (x0 - x*), with expm(-tA) = V diag(exp(-t lambda)) V^T. */
    public double[] exact(double[] x0, double t) {
        RealMatrix v = eigen.getV();
        double[] lambda = eigen.getRealEigenvalues();
        double[] decay = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            decay[i] = Math.exp(-t * lambda[i]);
        }
        RealMatrix expm = v.multiply(MatrixUtils.createRealDiagonalMatrix(decay)).multiply(v.transpose());
        RealVector star = new ArrayRealVector(minimizer());
        return star.add(expm.operate(new ArrayRealVector(x0).subtract(star))).toArray();
    }

    /** One implicit-Euler (minimizing-movement) step: (I + h A)^-1 (x + h b). */
    public double[] proximalStep(double[] x, double h) {
        RealMatrix m = MatrixUtils.createRealIdentityMatrix(x.length).add(a.scalarMultiply(h));
        RealVector rhs = new ArrayRealVector(x).add(b.mapMultiply(h));
        return new LUDecomposition(m).getSolver().solve(rhs).toArray();
    }

    /** E(x). */
    public double energy(double[] x) {
        RealVector v = new ArrayRealVector(x);
        return 0.5 * v.dotProduct(a.operate(v)) - b.dotProduct(v);
    }

    /** The Euclidean distance |x - y|. */
    public static double distance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return Math.sqrt(s);
    }
}
