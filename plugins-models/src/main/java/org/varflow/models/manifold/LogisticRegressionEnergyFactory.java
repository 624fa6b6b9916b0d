package org.varflow.models.manifold;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.models.glm.RegularisedGlm;

/**
 * L2-regularised logistic regression (no intercept) on a synthetic data set generated deterministically from a seed:
 *
 * <pre>
 *   E(w) = (1/n) sum_i [ log(1 + e^{z_i}) - y_i z_i ] + (lambda/2) |w|^2,    z_i = a_i . w
 *   dE(w) = (1/n) sum_i (sigma(z_i) - y_i) a_i + lambda w
 *   F(w) = X^T W X / n,   W = diag(sigma(z_i)(1 - sigma(z_i)))      (Fisher information of the likelihood)
 *   Hess E(w) = F(w) + lambda I
 * </pre>
 *
 * A finite sum (E = r + sum_i f_i with f_i the i-th loss / n, r = lambda |w|^2 / 2) that also knows its Fisher
 * information: with the canonical link, Fisher and Hessian of the loss coincide, so natural gradient with damping
 * lambda is Newton's method (one step of length h = 1 per Newton step).
 *
 * <p>Data: feature j of example i is a_ij = s_j g_ij with g_ij ~ N(0, 1) and scales s_j = spread^{-j/(d-1)}
 * (from 1 down to 1/spread, so the Hessian's condition number is about spread^2); labels y_i = 1 with probability
 * sigma(z*_i), z*_i = signal sum_j g_ij (the true weights are w*_j = signal / s_j). Everything is drawn from one
 * {@link Random} seeded with {@code seed}, in the order g_i1..g_id, u_i per example, so the data set is the same on
 * every JVM.
 */
public final class LogisticRegressionEnergyFactory implements EnergyFactory {

    @Override
    public String id() {
        return "logistic-regression";
    }

    @Override
    public String summary() {
        return "L2-regularised logistic regression on seeded synthetic data or the iris data; knows its Fisher X^T "
                + "W X / n";
    }

    @Override
    public String formula() {
        return "E(w) = (1/n) sum_i [log(1 + exp(a_i.w)) - y_i a_i.w] + (lambda/2)|w|^2,"
                + "  F(w) = X^T W X / n, W = diag(p_i (1 - p_i))";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("n", 200, 1, 10_000_000, "number of examples"),
                Parameter.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE, "seed of the synthetic data set"),
                Parameter.real("spread", 10, 1, 1e6, "ratio of the largest to the smallest feature scale (the"
                        + " Hessian's condition number is about spread^2)"),
                Parameter.real("signal", 1, 0, 1e3, "true logit z* = signal * (sum of the standardised features)"),
                Parameter.real("lambda", 1e-3, 0, 1e6, "L2 weight lambda (> 0 keeps the minimiser finite on"
                        + " separable data)"),
                Parameter.choice("data", List.of("synthetic", "iris"), "synthetic: seeded data from n, seed,"
                        + " spread, signal; iris: Fisher's irises (shipped, public domain), a_i = (1, the first d - 1"
                        + " of sepal length, sepal width, petal length, petal width, standardised), d = 2..5"),
                Parameter.choice("classes", List.of("setosa-versicolor", "versicolor-virginica"), "iris only: the"
                        + " two species, label 0 then label 1 (setosa-versicolor is linearly separable,"
                        + " versicolor-virginica is not)"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        int d = space.dimension();
        if (parameters.text("data").equals("iris")) {
            return iris(parameters.text("classes"), d, parameters.real("lambda"));
        }
        int n = (int) parameters.integer("n");
        if ((long) n * d > 50_000_000L) {
            throw new org.varflow.api.ConfigurationException("energy 'logistic-regression': n x d = " + n + " x " + d
                    + " features are too many (at most 5e7)");
        }
        double spread = parameters.real("spread");
        double signal = parameters.real("signal");
        Random rnd = new Random(parameters.integer("seed"));
        double[] a = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                double g = rnd.nextGaussian();
                double s = d == 1 ? 1.0 : Math.pow(spread, -(double) j / (d - 1));
                a[i * d + j] = s * g;
                z += signal * g;
            }
            y[i] = rnd.nextDouble() < sigmoid(z) ? 1.0 : 0.0;
        }
        return new LogisticRegression(a, y, n, d, parameters.real("lambda"));
    }

    /**
     * Logistic regression on two iris species with an intercept: a_i = (1, z_i1, ..., z_i,d-1), z the first d - 1
     * measurements standardised over the task's 100 flowers.
     */
    static LogisticRegression iris(String classes, int d, double lambda) {
        if (d < 2 || d > 5) {
            throw new org.varflow.api.ConfigurationException("energy 'logistic-regression': with data=iris the weights"
                    + " are an intercept and 1 to 4 measurements, so the space needs dimension 2..5 (got " + d + ")");
        }
        String[] species = classes.split("-");
        org.varflow.models.data.Iris.Binary task = org.varflow.models.data.Iris.binary(species[0], species[1], d - 1);
        int n = task.size();
        double[] z = task.x();
        double[] a = new double[n * d];
        for (int i = 0; i < n; i++) {
            a[i * d] = 1;
            System.arraycopy(z, i * (d - 1), a, i * d + 1, d - 1);
        }
        return new LogisticRegression(a, task.y(), n, d, lambda);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** log(1 + e^z), without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** The data set and lambda; stateless evaluation: l(z, y) = log(1 + e^z) - y z, v = p (1 - p). */
    public static final class LogisticRegression extends RegularisedGlm {

        LogisticRegression(double[] a, double[] y, int n, int d, double lambda) {
            super(a, y, n, d, lambda);
        }

        /** The features, row-major n x d (a copy). */
        public double[] features() {
            return phi.clone();
        }

        /** The labels in {0, 1} (a copy). */
        public double[] labels() {
            return y.clone();
        }

        /** The L2 weight. */
        public double lambda() {
            return lambda;
        }

        @Override
        protected double loss(double z, double label) {
            return softplus(z) - label * z;
        }

        @Override
        protected double lossSlope(double z, double label) {
            return sigmoid(z) - label;
        }

        @Override
        protected double variance(double z) {
            double p = sigmoid(z);
            return p * (1 - p);
        }
    }
}
