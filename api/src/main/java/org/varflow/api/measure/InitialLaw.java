package org.varflow.api.measure;

import java.util.List;
import java.util.SplittableRandom;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;

/**
 * The starting law of a measure space, with independent coordinates per axis:
 *
 * <ul>
 *   <li>{@code gaussian}: N(mean, diag(std^2));</li>
 *   <li>{@code uniform}: uniform on the box mean +- sqrt(3) std (so std is the standard deviation);</li>
 *   <li>{@code bimodal}: the equal mixture of N(mean - offset, diag(std^2)) and N(mean + offset, diag(std^2)).</li>
 * </ul>
 *
 * Ensembles sample it (seeded) or, in one dimension, place the particles at its mid-quantiles
 * F^-1((k - 1/2) / N); grids take its density at the cell centres, normalised to mass one.
 */
public final class InitialLaw {
    /** The laws by name. */
    public static final List<String> LAWS = List.of("gaussian", "uniform", "bimodal");

    private final String law;
    private final double[] mean;
    private final double[] std;
    private final double[] offset;

    public InitialLaw(String law, double[] mean, double[] std, double[] offset) {
        this.law = law;
        this.mean = mean.clone();
        this.std = std.clone();
        this.offset = offset.clone();
    }

    /** The parameters {@code law}, {@code mean}, {@code std}, {@code offset} with the given defaults. */
    public static List<Parameter> parameters(String mean, String std, String offset) {
        return List.of(
                Parameter.choice("law", LAWS, "starting law: gaussian N(mean, std^2); uniform on mean +- sqrt(3) std;"
                        + " bimodal = equal mixture of N(mean -+ offset, std^2)"),
                Parameter.vector("mean", mean, "mean of the starting law (one number is used for every axis)"),
                Parameter.vector("std", std, "standard deviation per axis of the starting law (of each mode for"
                        + " bimodal); > 0"),
                Parameter.vector("offset", offset, "bimodal only: the modes sit at mean - offset and mean + offset"));
    }

    /** Reads {@code law}, {@code mean}, {@code std}, {@code offset} for points in R^d. */
    public static InitialLaw from(String owner, Parameters p, int d) {
        double[] mean = broadcast(owner, "mean", p.vector("mean"), d);
        double[] std = broadcast(owner, "std", p.vector("std"), d);
        double[] offset = broadcast(owner, "offset", p.vector("offset"), d);
        for (int a = 0; a < d; a++) {
            if (!(std[a] > 0)) {
                throw new ConfigurationException(owner + ": parameter 'std' = " + std[a] + " (axis " + (a + 1)
                        + ") is not valid; expected a real number > 0");
            }
        }
        return new InitialLaw(p.text("law"), mean, std, offset);
    }

    /** A vector of length 1 broadcast to d, or of length d as it is. */
    public static double[] broadcast(String owner, String name, double[] v, int d) {
        if (v.length == d) {
            return v.clone();
        }
        if (v.length == 1) {
            double[] out = new double[d];
            java.util.Arrays.fill(out, v[0]);
            return out;
        }
        throw new ConfigurationException(owner + ": parameter '" + name + "' has " + v.length + " entries but the"
                + " points have dimension " + d + "; give 1 or " + d + " entries");
    }

    public String law() {
        return law;
    }

    /** The mean of the law. */
    public double[] mean() {
        return mean.clone();
    }

    /** The density at x (length d). */
    public double density(double[] x) {
        switch (law) {
            case "uniform": {
                double p = 1;
                for (int a = 0; a < mean.length; a++) {
                    double half = Math.sqrt(3) * std[a];
                    if (Math.abs(x[a] - mean[a]) > half) {
                        return 0;
                    }
                    p /= 2 * half;
                }
                return p;
            }
            case "bimodal": {
                double lo = 1;
                double hi = 1;
                for (int a = 0; a < mean.length; a++) {
                    lo *= normalDensity((x[a] - mean[a] + offset[a]) / std[a]) / std[a];
                    hi *= normalDensity((x[a] - mean[a] - offset[a]) / std[a]) / std[a];
                }
                return 0.5 * (lo + hi);
            }
            default: {
                double p = 1;
                for (int a = 0; a < mean.length; a++) {
                    p *= normalDensity((x[a] - mean[a]) / std[a]) / std[a];
                }
                return p;
            }
        }
    }

    /** Writes one draw into {@code out} (length d). */
    public void sample(SplittableRandom rng, double[] out) {
        switch (law) {
            case "uniform":
                for (int a = 0; a < mean.length; a++) {
                    out[a] = mean[a] + Math.sqrt(3) * std[a] * (2 * rng.nextDouble() - 1);
                }
                break;
            case "bimodal": {
                double sign = rng.nextDouble() < 0.5 ? -1 : 1;
                for (int a = 0; a < mean.length; a++) {
                    out[a] = mean[a] + sign * offset[a] + std[a] * rng.nextGaussian();
                }
                break;
            }
            default:
                for (int a = 0; a < mean.length; a++) {
                    out[a] = mean[a] + std[a] * rng.nextGaussian();
                }
        }
    }

    /** The cumulative distribution function in one dimension. */
    public double cdf(double x) {
        switch (law) {
            case "uniform": {
                double half = Math.sqrt(3) * std[0];
                return Math.min(1, Math.max(0, (x - mean[0] + half) / (2 * half)));
            }
            case "bimodal":
                return 0.5 * (normalCdf((x - mean[0] + offset[0]) / std[0])
                        + normalCdf((x - mean[0] - offset[0]) / std[0]));
            default:
                return normalCdf((x - mean[0]) / std[0]);
        }
    }

    /**
     * The quantile F^-1(u) in one dimension, 0 &lt; u &lt; 1: Newton's method on F(x) = u safeguarded by a bracket
     * that bisection shrinks whenever a Newton step leaves it; to 1e-13 relative.
     */
    public double quantile(double u) {
        if (law.equals("uniform")) {
            double half = Math.sqrt(3) * std[0];
            return mean[0] - half + 2 * half * u;
        }
        double spread = std[0] * 40 + Math.abs(offset[0]);
        double lo = mean[0] - spread;
        double hi = mean[0] + spread;
        double x = mean[0];
        double[] point = new double[1];
        for (int it = 0; it < 300; it++) {
            double f = cdf(x) - u;
            if (f < 0) {
                lo = x;
            } else {
                hi = x;
            }
            point[0] = x;
            double p = density(point);
            double next = p > 0 ? x - f / p : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - x) <= 1e-13 * Math.max(1, Math.abs(x)) || hi - lo <= 1e-13 * Math.max(1,
                    Math.abs(x))) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /** The standard normal density. */
    public static double normalDensity(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /**
     * The standard normal distribution function, by Marsaglia's series Phi(z) = 1/2 + phi(z) (z + z^3/3 + z^5/15 +
     * ...) for |z| &lt; 8 (absolute error about 1e-15) and 0 or 1 beyond (|1 - Phi| &lt; 7e-16 there).
     */
    public static double normalCdf(double z) {
        if (z < -8) {
            return 0;
        }
        if (z > 8) {
            return 1;
        }
        double sum = z;
        double term = z;
        double q = z * z;
        for (int i = 3; i < 1000; i += 2) {
            term *= q / i;
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return 0.5 + sum * normalDensity(z);
    }
}
