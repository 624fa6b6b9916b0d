package org.varflow.geometry.fisher;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.FiniteSumEnergy;
import org.varflow.api.FisherInformation;
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
 * The Fisher-Rao metric of a statistical model: natural gradient descent,
 *
 * <pre>
 *   K(x) = (F(x) + delta I)^-1,      x' = -(F(x) + delta I)^-1 dE(x)
 * </pre>
 *
 * with delta &gt;= 0 the Tikhonov damping. F comes from the model: the energy's own {@link FisherInformation} when
 * it has one (closed forms: Gaussian family, categorical/softmax, logistic regression X^T W X / n), or else the
 * empirical Fisher of a {@link FiniteSumEnergy} E = r + sum_i f_i,
 *
 * <pre>
 *   F_emp(x) = n sum_i d f_i d f_i^T      (empirical = mean: f_i = loss_i / n, E the average loss)
 *   F_emp(x) = sum_i d f_i d f_i^T        (empirical = sum:  f_i = loss_i, E the total loss)
 * </pre>
 *
 * i.e. sum of per-example score outer products in the scale of E (the regulariser r is left to the damping).
 * K is applied by a Cholesky factorisation of F + delta I (never an inverse), S = L^-T, and div K by central
 * differences of K (2d solves; only with noise). The retraction is Euclidean.
 *
 * <p>The metric needs the run's energy, which the SPI does not give to metrics: it must be built on space
 * {@code statistical-model}, which passes the energy on when the flow is assembled (see
 * {@link StatisticalModelSpaceFactory}).
 */
public final class FisherMetricFactory implements MetricFactory {
    static final String OWNER = "metric 'fisher'";
    /** Largest dimension for the dense factorisation. */
    public static final int MAX_DIMENSION = 2000;

    @Override
    public String id() {
        return "fisher";
    }

    @Override
    public String summary() {
        return "Fisher-Rao metric of the model (natural gradient): K = (F(x) + delta I)^-1, F from the energy";
    }

    @Override
    public String formula() {
        return "K(x) = (F(x) + delta I)^-1 by Cholesky;  F = the energy's Fisher information, or the empirical"
                + " Fisher n sum_i df_i df_i^T of a finite sum (sum_i df_i df_i^T when empirical=sum);"
                + "  S = L^-T;  div K by central differences;  needs space 'statistical-model'";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.real("damping", 1e-8, 0, 1e12, "Tikhonov damping delta added to F (needed where F is"
                        + " singular, e.g. softmax); delta = the L2 weight turns natural gradient into Newton for"
                        + " logistic regression"),
                Parameter.choice("source", List.of("auto", "model", "empirical"),
                        "where F comes from: auto (the model's Fisher information if the energy has one, else the"
                                + " empirical Fisher of a finite sum), model, or empirical"),
                Parameter.choice("empirical", List.of("mean", "sum"),
                        "scale of the empirical Fisher: mean (terms f_i = loss_i / n, F = n sum df_i df_i^T) or sum"
                                + " (f_i = loss_i, F = sum df_i df_i^T)"));
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        int d = space.dimension();
        if (!(space instanceof StatisticalModelSpaceFactory.ModelSpace model)) {
            throw new ConfigurationException(OWNER + " reads the Fisher information of the model behind the energy,"
                    + " which only space 'statistical-model' hands to metrics; use space 'statistical-model' (same"
                    + " parameters as 'euclidean': dimension, x0)");
        }
        if (d > MAX_DIMENSION) {
            throw new ConfigurationException(OWNER + " factors a dense d x d matrix per application; the space has"
                    + " dimension " + d + ", more than " + MAX_DIMENSION);
        }
        FisherMetric metric = new FisherMetric(d, parameters.real("damping"), parameters.text("source"),
                parameters.text("empirical").equals("mean"));
        model.whenModelKnown(metric::bind);
        return metric;
    }

    /** K = (F + delta I)^-1. Bound to its energy once, before the run; scratch per thread. */
    static final class FisherMetric implements Metric {
        private final int d;
        private final double damping;
        private final String source;
        private final boolean mean;
        private final Scratch factor;
        private final Scratch termGradient;
        private final ThreadLocal<FiniteDifferences.Workspace> fd;
        private FisherInformation fisher;
        private FiniteSumEnergy sum;

        FisherMetric(int d, double damping, String source, boolean mean) {
            this.d = d;
            this.damping = damping;
            this.source = source;
            this.mean = mean;
            this.factor = new Scratch(d * d);
            this.termGradient = new Scratch(d);
            this.fd = FiniteDifferences.workspaces(d);
        }

        /** Takes F from {@code energy}, or refuses it with a message naming what would fit. */
        void bind(Energy energy) {
            boolean hasModel = energy instanceof FisherInformation;
            boolean finiteSum = energy instanceof FiniteSumEnergy;
            boolean useModel = source.equals("model") || (source.equals("auto") && hasModel);
            if (useModel && !hasModel) {
                throw new ConfigurationException(OWNER + ": source = model, but the energy does not know its Fisher"
                        + " information; use source = empirical (for finite sums) or an energy that has one"
                        + " (logistic-regression, gaussian-fit, categorical-fit)");
            }
            if (!useModel && !finiteSum) {
                throw new ConfigurationException(OWNER + ": the energy neither knows its Fisher information nor is a"
                        + " finite sum (for the empirical Fisher); use a model energy such as logistic-regression,"
                        + " gaussian-fit or categorical-fit");
            }
            if (!useModel && damping == 0) {
                throw new ConfigurationException(OWNER + ": the empirical Fisher has rank at most n and is often"
                        + " singular; give damping > 0");
            }
            this.fisher = useModel ? (FisherInformation) energy : null;
            this.sum = useModel ? null : (FiniteSumEnergy) energy;
        }

        /** F(x) + delta I factored as L L^T in this thread's scratch. */
        private double[] factor(double[] x) {
            double[] f = factor.get();
            if (fisher != null) {
                fisher.fisher(x, f);
            } else if (sum != null) {
                empirical(x, f);
            } else {
                throw new IllegalStateException(OWNER + " was not given its model: build it on space"
                        + " 'statistical-model' and lift the energy into the space");
            }
            for (int i = 0; i < d; i++) {
                f[i * d + i] += damping;
            }
            int pivot = Cholesky.factor(f, d);
            if (pivot >= 0) {
                throw new NumericalException(OWNER + ": F(x) + delta I is not positive definite (pivot " + (pivot + 1)
                        + ")" + (d <= 8 ? " at x = " + Arrays.toString(x) : "") + "; raise metric.damping (now "
                        + damping + ")");
            }
            return f;
        }

        /** f = sum_i s df_i df_i^T (lower triangle, then mirrored), s = n for 'mean' and 1 for 'sum'. */
        private void empirical(double[] x, double[] f) {
            Arrays.fill(f, 0, d * d, 0.0);
            double[] g = termGradient.get();
            int n = sum.terms();
            double s = mean ? n : 1.0;
            for (int t = 0; t < n; t++) {
                Arrays.fill(g, 0.0);
                sum.addTermGradient(t, x, 1.0, g);
                for (int i = 0; i < d; i++) {
                    double gi = s * g[i];
                    int r = i * d;
                    for (int j = 0; j <= i; j++) {
                        f[r + j] += gi * g[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    f[j * d + i] = f[i * d + j];
                }
            }
        }

        @Override
        public void raise(double[] x, double[] covector, double[] out) {
            double[] l = factor(x);
            System.arraycopy(covector, 0, out, 0, d);
            Cholesky.solve(l, d, out, out);
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            double[] l = factor(x);
            System.arraycopy(xi, 0, out, 0, d);
            Cholesky.solveLowerTransposed(l, d, out, 0, 1);
        }

        @Override
        public void divergence(double[] x, double[] out) {
            FiniteDifferences.divergence(this, x, out, fd.get());
        }
    }
}
