package org.varflow.models.meanfield;

import java.util.List;
import java.util.Locale;
import org.varflow.api.ConfigurationException;

/**
 * The regression data of the mean-field experiment: n equally spaced points x_k = lower + (upper - lower) k/(n - 1),
 * k = 0..n-1 (numpy's and torch's {@code linspace}), and y_k = g(x_k) for a target g.
 *
 * @param xs the inputs x_k
 * @param ys the targets y_k
 */
public record TrainingSet(double[] xs, double[] ys) {
    /** The target functions: {@code sin-3sin} is the seed's sin(pi x) + 0.5 sin(3 pi x). */
    public static final List<String> TARGETS = List.of("sin-3sin", "sin", "abs");

    public TrainingSet {
        if (xs.length != ys.length || xs.length < 1) {
            throw new IllegalArgumentException("need as many targets as inputs (>= 1), got " + xs.length + " and "
                    + ys.length);
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    @Override
    public double[] xs() {
        return xs.clone();
    }

    @Override
    public double[] ys() {
        return ys.clone();
    }

    public int size() {
        return xs.length;
    }

    /**
     * n points of {@code target} on [lower, upper].
     *
     * @throws ConfigurationException naming the target and the valid choices, or the bad interval
     */
    public static TrainingSet of(String target, int n, double lower, double upper) {
        if (!(lower < upper)) {
            throw new ConfigurationException(String.format(Locale.ROOT, "energy 'mean-field-network': the data"
                    + " interval needs lower < upper (got lower = %s, upper = %s)", lower, upper));
        }
        if (n < 2) {
            throw new ConfigurationException("energy 'mean-field-network': parameter 'points' = " + n
                    + " is out of range; valid: at least 2");
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = lower + (upper - lower) * k / (n - 1);
            y[k] = target(target, x[k]);
        }
        return new TrainingSet(x, y);
    }

    /** g(x) for a named target. */
    public static double target(String target, double x) {
        return switch (target) {
            case "sin-3sin" -> Math.sin(Math.PI * x) + 0.5 * Math.sin(3 * Math.PI * x);
            case "sin" -> Math.sin(Math.PI * x);
            case "abs" -> Math.abs(x);
            default -> throw new ConfigurationException("energy 'mean-field-network': parameter 'target' = '"
                    + target + "' is not one of " + TARGETS);
        };
    }
}
