package org.varflow.models.manifold;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;

/**
 * Half the Rayleigh quotient of a symmetric matrix A,
 *
 * <pre>
 *   E(x) = (1/2) x^T A x / x^T x,     dE(x) = (A x - 2 E(x) x) / x^T x
 * </pre>
 *
 * On the unit sphere it is x^T A x / 2; its minimum over the sphere is lambda_min(A) / 2, reached at the unit
 * eigenvectors of the smallest eigenvalue, and its Riemannian gradient flow x' = -(A x - (x^T A x) x) converges to
 * one of them from almost every start (the other eigenvectors are saddles and maxima). The gradient is already
 * tangent to spheres (x . dE = 0), so even the Euclidean flow keeps |x| (to first order in the step).
 *
 * <p>Default A (no {@code A} given): the d x d discrete Dirichlet Laplacian tridiag(-1, 2, -1), whose eigenvalues are
 * 2 - 2 cos(k pi / (d + 1)) with eigenvectors sin(j k pi / (d + 1)); the ground state (k = 1) is positive.
 */
public final class RayleighEnergyFactory implements EnergyFactory {
    static final String OWNER = "energy 'rayleigh'";

    @Override
    public String id() {
        return "rayleigh";
    }

    @Override
    public String summary() {
        return "half the Rayleigh quotient x^T A x / 2 x^T x: on the sphere, minimised by the lowest eigenvectors";
    }

    @Override
    public String formula() {
        return "E(x) = (1/2) x^T A x / x^T x,  dE = (A x - 2 E x) / x^T x  (A = tridiag(-1, 2, -1) unless given;"
                + " min over the sphere = lambda_min(A)/2)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(SpaceKinds.SPHERE, Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.matrix("A", "symmetric d x d matrix by rows; default the discrete Laplacian"
                + " tridiag(-1, 2, -1)"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        int d = space.dimension();
        double[] a = new double[d * d];
        if (parameters.has("A")) {
            double[][] m = parameters.matrix("A");
            if (m.length != d || m[0].length != d) {
                throw new ConfigurationException(OWNER + ": parameter 'A' is " + m.length + " x " + m[0].length
                        + " but the space has dimension " + d + "; give a " + d + " x " + d + " matrix");
            }
            double scale = 0;
            for (double[] row : m) {
                for (double v : row) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    if (Math.abs(m[i][j] - m[j][i]) > 1e-12 * scale) {
                        throw new ConfigurationException(OWNER + ": parameter 'A' is not symmetric: A(" + (i + 1)
                                + "," + (j + 1) + ") = " + Parameter.format(m[i][j]) + " but A(" + (j + 1) + ","
                                + (i + 1) + ") = " + Parameter.format(m[j][i]));
                    }
                    a[i * d + j] = 0.5 * (m[i][j] + m[j][i]);
                }
            }
        } else {
            for (int i = 0; i < d; i++) {
                a[i * d + i] = 2;
                if (i + 1 < d) {
                    a[i * d + i + 1] = -1;
                    a[(i + 1) * d + i] = -1;
                }
            }
        }
        return new Rayleigh(a, d);
    }

    /** (1/2) x^T A x / x^T x. */
    record Rayleigh(double[] a, int d) implements Energy {

        @Override
        public double value(double[] x) {
            double xax = 0;
            double xx = 0;
            for (int i = 0; i < d; i++) {
                double ax = 0;
                for (int j = 0; j < d; j++) {
                    ax += a[i * d + j] * x[j];
                }
                xax += x[i] * ax;
                xx += x[i] * x[i];
            }
            return 0.5 * xax / xx;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            valueAndGradient(x, out);
        }

        @Override
        public double valueAndGradient(double[] x, double[] out) {
            double xax = 0;
            double xx = 0;
            for (int i = 0; i < d; i++) {
                double ax = 0;
                for (int j = 0; j < d; j++) {
                    ax += a[i * d + j] * x[j];
                }
                out[i] = ax;
                xax += x[i] * ax;
                xx += x[i] * x[i];
            }
            double e = 0.5 * xax / xx;
            for (int i = 0; i < d; i++) {
                out[i] = (out[i] - 2 * e * x[i]) / xx;
            }
            return e;
        }
    }
}
