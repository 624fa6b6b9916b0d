package org.varflow.models.testfunctions;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The quadratic energy on R^d
 *
 * <pre>
 *   E(x) = x^T A x / 2 - b^T x,    dE(x) = A x - b,    Hess E(x) = A
 * </pre>
 *
 * with A symmetric. A is given either as a full matrix ({@code A}) or by its diagonal ({@code diag}, the default
 * {@code 1} giving A = I); {@code b} defaults to 0. For symmetric positive definite A the unique minimiser is
 * x* = A^-1 b with E(x*) = -b^T A^-1 b / 2, and the Euclidean gradient flow x' = -(A x - b) is linear,
 * x(t) = x* + exp(-t A) (x0 - x*): each eigen-direction of A decays at the rate of its eigenvalue, so the condition
 * number lambda_max / lambda_min measures how much slower the slowest direction is than the step allows.
 *
 * <p>A need <em>not</em> be positive definite: it is accepted as long as it is symmetric. With a negative eigenvalue
 * E is unbounded below and the flow leaves along that eigenvector (a saddle); with a zero eigenvalue and b outside
 * the range of A it drifts linearly. Under thermal noise the Gibbs law exp(-beta E) / Z = N(A^-1 b, (beta A)^-1)
 * exists only for positive definite A.
 *
 * <p>Symmetry is checked to a relative tolerance of 1e-12 (of the largest |A_ij|), and the symmetric part
 * (A + A^T) / 2 is stored, so that the gradient is exactly the derivative of the value. The full matrix is stored
 * row-major in one flat array (d^2 numbers); the diagonal form stores only d.
 */
public final class QuadraticEnergyFactory implements EnergyFactory {
    /** How the part is named in messages. */
    static final String OWNER = "energy 'quadratic'";
    /** Relative tolerance of the symmetry check, scaled by the largest entry of A. */
    static final double SYMMETRY_TOLERANCE = 1e-12;
    /** Largest d for which d^2 fits in one Java array. */
    private static final int MAX_DENSE_DIMENSION = 46_340;

    @Override
    public String id() {
        return "quadratic";
    }

    @Override
    public String summary() {
        return "quadratic form x^T A x / 2 - b^T x: the linear test problem, minimiser A^-1 b";
    }

    @Override
    public String formula() {
        return "E(x) = x^T A x / 2 - b^T x,  grad E(x) = A x - b,  Hess E = A  (A symmetric; A = diag(diag) unless"
                + " A is given; minimiser x* = A^-1 b when A is positive definite)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.matrix("A", "symmetric d x d matrix by rows, e.g. 2,1;1,3 (need not be positive definite;"
                        + " E is then unbounded below); when given, 'diag' is ignored"),
                Parameter.vector("diag", "1", "diagonal of A when 'A' is not given (one number is used for every"
                        + " coordinate)"),
                Parameter.vector("b", "0", "linear term b (one number is used for every coordinate)"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        int d = space.dimension();
        double[] b = Parameters.broadcast(OWNER, "b", parameters.vector("b"), d, "dimension " + d + " is needed");
        if (parameters.has("A")) {
            return new DenseQuadratic(d, symmetricRowMajor(parameters.matrix("A"), d), b);
        }
        return new DiagonalQuadratic(Parameters.broadcast(OWNER, "diag", parameters.vector("diag"), d,
                "dimension " + d + " is needed"), b);
    }

    /**
     * Checks that A is square, d x d and symmetric, and returns (A + A^T) / 2 row-major.
     *
     * @throws ConfigurationException naming the size given, the space dimension or the asymmetric pair
     */
    static double[] symmetricRowMajor(double[][] a, int d) {
        int rows = a.length;
        int cols = a[0].length;
        if (rows != cols) {
            throw new ConfigurationException(OWNER + ": parameter 'A' is " + rows + " x " + cols
                    + " (rows x columns) but must be square, " + d + " x " + d + " for the space of dimension " + d);
        }
        if (rows != d) {
            throw new ConfigurationException(OWNER + ": parameter 'A' is " + rows + " x " + cols
                    + " but the space has dimension " + d + "; give a " + d + " x " + d
                    + " matrix (or set the space's dimension to " + rows + ")");
        }
        if (d > MAX_DENSE_DIMENSION) {
            throw new ConfigurationException(OWNER + ": a full matrix 'A' of size " + d + " x " + d
                    + " is too large; the largest is " + MAX_DENSE_DIMENSION + " (use 'diag' for a diagonal A)");
        }
        double scale = 0;
        for (double[] row : a) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double[] flat = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > SYMMETRY_TOLERANCE * scale) {
                    throw new ConfigurationException(OWNER + ": parameter 'A' is not symmetric: A(" + (i + 1) + ","
                            + (j + 1) + ") = " + Parameter.format(a[i][j]) + " but A(" + (j + 1) + "," + (i + 1)
                            + ") = " + Parameter.format(a[j][i]) + " (tolerance 1e-12 relative to the largest"
                            + " entry); E only sees the symmetric part (A + A^T)/2, so give that matrix");
                }
                flat[i * d + j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        return flat;
    }

    /** E(x) = x^T A x / 2 - b^T x with A full, symmetric, row-major. */
    private static final class DenseQuadratic implements Energy {
        private final int d;
        private final double[] a;
        private final double[] b;

        DenseQuadratic(int d, double[] a, double[] b) {
            this.d = d;
            this.a = a;
            this.b = b;
        }

        @Override
        public double value(double[] x) {
            double e = 0;
            for (int i = 0; i < d; i++) {
                double ax = 0;
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    ax += a[row + j] * x[j];
                }
                e += x[i] * (0.5 * ax - b[i]);
            }
            return e;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            for (int i = 0; i < d; i++) {
                double ax = 0;
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    ax += a[row + j] * x[j];
                }
                out[i] = ax - b[i];
            }
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            double e = 0;
            for (int i = 0; i < d; i++) {
                double ax = 0;
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    ax += a[row + j] * x[j];
                }
                gradient[i] = ax - b[i];
                e += x[i] * (0.5 * ax - b[i]);
            }
            return e;
        }

        @Override
        public void hessian(double[] x, double[] out) {
            System.arraycopy(a, 0, out, 0, d * d);
        }
    }

    /** E(x) = sum_i (a_i x_i^2 / 2 - b_i x_i), A = diag(a). */
    private static final class DiagonalQuadratic implements Energy {
        private final double[] a;
        private final double[] b;

        DiagonalQuadratic(double[] a, double[] b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public double value(double[] x) {
            double e = 0;
            for (int i = 0; i < a.length; i++) {
                e += x[i] * (0.5 * a[i] * x[i] - b[i]);
            }
            return e;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i] * x[i] - b[i];
            }
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            double e = 0;
            for (int i = 0; i < a.length; i++) {
                double ax = a[i] * x[i];
                gradient[i] = ax - b[i];
                e += x[i] * (0.5 * ax - b[i]);
            }
            return e;
        }

        @Override
        public void hessian(double[] x, double[] out) {
            int d = a.length;
            Arrays.fill(out, 0, d * d, 0.0);
            for (int i = 0; i < d; i++) {
                out[i * d + i] = a[i];
            }
        }
    }
}
