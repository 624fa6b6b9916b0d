package org.varflow.geometry.field;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.ConstantMetric;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.NumericalException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.linalg.Cholesky;
import org.varflow.geometry.internal.FiniteDifferences;
import org.varflow.geometry.internal.Scratch;

/**
 * A Riemannian metric on R^d given as a field of symmetric positive definite matrices g(x) (one of the built-in
 * {@link MatrixField}s). K(x) = g(x)^-1 is never formed: each application factors g(x) = L L^T (Cholesky) and
 * solves,
 *
 * <pre>
 *   K(x) c = L^-T L^-1 c,     S(x) xi = L^-T xi   (S S^T = L^-T L^-1 = g^-1 = K),
 *   (div K)_i = sum_j d K_ij / d x_j   by central differences of K (step 1e-5 max(1, |x_j|); 2d solves),
 * </pre>
 *
 * at O(d^3) per application. The factor lives in per-thread scratch, so the hot methods allocate nothing after
 * the first call of each thread. The retraction is the Euclidean x + v (the coordinates cover R^d).
 */
public final class SpdFieldMetricFactory implements MetricFactory {
    static final String OWNER = "metric 'spd-field'";
    /** Largest dimension for the dense factorisation. */
    public static final int MAX_DIMENSION = 2000;

    @Override
    public String id() {
        return "spd-field";
    }

    @Override
    public String summary() {
        return "position-dependent Riemannian metric g(x) (built-in SPD fields), K = g^-1 applied by Cholesky";
    }

    @Override
    public String formula() {
        StringBuilder s = new StringBuilder("K(x) = g(x)^-1 by Cholesky g = L L^T,  S = L^-T,"
                + "  div K by central differences;  fields:");
        for (MatrixField f : MatrixField.values()) {
            s.append("\n  ").append(f.id()).append(": ").append(f.formula());
        }
        return s.toString();
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.choice("field", Arrays.stream(MatrixField.values()).map(MatrixField::id).toList(),
                        "the metric tensor g(x): warped I + c x x^T, conformal (1 + c|x|^2) I, or tridiagonal"),
                Parameter.real("c", 0.5, 0, 1e6, "strength c of the field (0: Euclidean); tridiagonal needs c < 1"));
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        MatrixField field = MatrixField.of(parameters.text("field"));
        double c = parameters.real("c");
        int d = space.dimension();
        if (field == MatrixField.TRIDIAGONAL && !(c < 1)) {
            throw new ConfigurationException(OWNER + ": field 'tridiagonal' is positive definite only for c < 1"
                    + " (diagonal dominance); got c = " + Parameter.format(c));
        }
        if (d > MAX_DIMENSION) {
            throw new ConfigurationException(OWNER + " factors a dense d x d matrix per application; the space has"
                    + " dimension " + d + ", more than " + MAX_DIMENSION);
        }
        return c == 0 ? new ConstantFieldMetric(field, d) : new FieldMetric(field, c, d);
    }

    /** K = g(x)^-1 by Cholesky. Shared by all blocks; scratch per thread. */
    static class FieldMetric implements Metric {
        private final MatrixField field;
        private final double c;
        private final Scratch factor;
        private final ThreadLocal<FiniteDifferences.Workspace> fd;

        FieldMetric(MatrixField field, double c, int d) {
            this.field = field;
            this.c = c;
            this.factor = new Scratch(d * d);
            this.fd = FiniteDifferences.workspaces(d);
        }

        /** L with g(x) = L L^T, in this thread's scratch. */
        private double[] factor(double[] x) {
            int d = x.length;
            double[] l = factor.get();
            field.fill(x, c, l);
            int pivot = Cholesky.factor(l, d);
            if (pivot >= 0) {
                throw new NumericalException(OWNER + ": g(x) is not positive definite (pivot " + (pivot + 1)
                        + ") at x" + (d <= 8 ? " = " + Arrays.toString(x) : ""));
            }
            return l;
        }

        @Override
        public void raise(double[] x, double[] covector, double[] out) {
            int d = x.length;
            double[] l = factor(x);
            System.arraycopy(covector, 0, out, 0, d);
            Cholesky.solve(l, d, out, out);
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            int d = x.length;
            double[] l = factor(x);
            System.arraycopy(xi, 0, out, 0, d);
            Cholesky.solveLowerTransposed(l, d, out, 0, 1);
        }

        @Override
        public void divergence(double[] x, double[] out) {
            if (c == 0) {
                Arrays.fill(out, 0, x.length, 0.0);
                return;
            }
            FiniteDifferences.divergence(this, x, out, fd.get());
        }
    }

    /** The field at c = 0: g = I everywhere, so K is constant. */
    static final class ConstantFieldMetric extends FieldMetric implements ConstantMetric {
        ConstantFieldMetric(MatrixField field, int d) {
            super(field, 0.0, d);
        }

        @Override
        public void divergence(double[] x, double[] out) {
            Arrays.fill(out, 0, x.length, 0.0);
        }
    }
}
