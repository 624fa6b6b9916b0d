package org.varflow.api.init;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.ParameterType;
import org.varflow.api.Parameters;
import org.varflow.api.io.CsvTable;
import org.varflow.api.io.Excerpt;

/**
 * The parameters every space reads its starting law from, with the same names everywhere:
 *
 * <pre>
 *   init        point | gaussian | uniform | bimodal | samples
 *               (grids also formula | density; paths line | formula | nodes)
 *   mean        the mean (single-point spaces: x0 by default)
 *   covariance  gaussian: one number s (s I), one row of d numbers (the diagonal) or d rows of d (the full matrix)
 *   std         standard deviations per axis (gaussian and bimodal; uniform: the box mean +- sqrt(3) std)
 *   box         uniform: lower,upper for every axis, or one row lower,upper per axis (-1,1;0,2)
 *   offset      bimodal: the modes sit at mean - offset and mean + offset
 *   file        samples: a CSV of points, one per row, d columns (read with {@link CsvTable})
 * </pre>
 *
 * A parameter given for a law that does not use it is refused, so a misplaced setting is never silently ignored.
 */
public final class InitParameters {
    public static final String POINT = "point";
    public static final String GAUSSIAN = "gaussian";
    public static final String UNIFORM = "uniform";
    public static final String BIMODAL = "bimodal";
    public static final String SAMPLES = "samples";
    /** The laws of points in R^d. */
    public static final List<String> LAWS = List.of(POINT, GAUSSIAN, UNIFORM, BIMODAL, SAMPLES);

    private InitParameters() {
    }

    /**
     * The parameters of a space whose particles each start from a point or a law: all optional, so that without
     * {@code init} the space starts at its {@code x0} as before.
     */
    public static List<Parameter> forPoints() {
        List<Parameter> p = new ArrayList<>();
        p.add(new Parameter("init", ParameterType.CHOICE, null, 0, false, 0, LAWS, "the starting law each particle"
                + " (chain) is drawn from, seeded by the run: point (the starting point, the default), gaussian,"
                + " uniform, bimodal or samples"));
        p.add(Parameter.vector("mean", null, "init gaussian, uniform (with std) and bimodal: the mean; the starting"
                + " point by default"));
        p.add(covariance());
        p.add(Parameter.vector("std", null, "init gaussian, uniform, bimodal: standard deviations per axis (instead of"
                + " a covariance; uniform: on mean +- sqrt(3) std)"));
        p.add(box());
        p.add(Parameter.vector("offset", null, "init bimodal: the modes sit at mean - offset and mean + offset"));
        p.add(file());
        return p;
    }

    /**
     * The parameters of a measure space (ensemble, grid): {@code init} (default gaussian), {@code mean}, {@code std},
     * {@code offset} with the given defaults, then the optional {@code covariance}, {@code box} and {@code file}.
     *
     * @param laws the values {@code init} takes, the first the default
     */
    public static List<Parameter> forMeasures(List<String> laws, String mean, String std, String offset) {
        List<Parameter> p = new ArrayList<>();
        p.add(Parameter.choice("init", laws, "the starting law: " + String.join(", ", laws) + " (see 'mean', 'std',"
                + " 'covariance', 'box', 'offset', 'file')"));
        p.add(Parameter.vector("mean", mean, "mean of the starting law (one number is used for every axis)"));
        p.add(Parameter.vector("std", std, "standard deviation per axis of the starting law (of each mode for"
                + " bimodal; uniform: on mean +- sqrt(3) std); > 0"));
        p.add(Parameter.vector("offset", offset, "bimodal only: the modes sit at mean - offset and mean + offset"));
        p.add(covariance());
        p.add(box());
        p.add(file());
        return p;
    }

    private static Parameter covariance() {
        return Parameter.matrix("covariance", "init gaussian: the covariance, one number s (s I), one row of d numbers"
                + " (the diagonal) or d rows of d numbers (full, symmetric positive definite)");
    }

    private static Parameter box() {
        return Parameter.matrix("box", "init uniform: the box, lower,upper for every axis or one row lower,upper per"
                + " axis (e.g. -1,1;0,2)");
    }

    private static Parameter file() {
        return Parameter.text("file", null, "init samples: a CSV file of points, one per row, d columns (a header row"
                + " is allowed); with as many rows as particles row k starts particle k, else rows are drawn at"
                + " random");
    }

    /**
     * The law named by {@code init} (or {@code law} when given: overrides) with its parameters, for points in R^d.
     *
     * @param owner how to name the space in messages, e.g. {@code "space 'euclidean'"}
     * @param init  the law's name
     * @param p     the space's parameters (those of {@link #forPoints} or {@link #forMeasures})
     * @param d     the dimension of the points
     * @param x0    the point of init=point and the mean when {@code mean} is not given (may be null when the space
     *              has no x0)
     * @throws ConfigurationException naming the parameter and what would be valid
     */
    public static StartingLaw read(String owner, String init, Parameters p, int d, double[] x0) {
        List<String> uses = switch (init) {
            case POINT -> List.of();
            case GAUSSIAN -> List.of("mean", "covariance", "std");
            case UNIFORM -> List.of("mean", "std", "box");
            case BIMODAL -> List.of("mean", "std", "offset");
            case SAMPLES -> List.of("file");
            default -> throw new ConfigurationException(owner + ": parameter 'init' = " + Excerpt.quote(init)
                    + " is not a law of points; expected one of " + LAWS);
        };
        for (String optional : List.of("covariance", "box", "file")) {
            if (p.has(optional) && !uses.contains(optional)) {
                throw new ConfigurationException(owner + ": parameter '" + optional + "' applies to init="
                        + (optional.equals("covariance") ? GAUSSIAN : optional.equals("box") ? UNIFORM : SAMPLES)
                        + ", but init is " + init);
            }
        }
        double[] mean = p.has("mean") ? broadcast(owner, "mean", p.vector("mean"), d)
                : x0 != null ? x0.clone() : new double[d];
        switch (init) {
            case POINT:
                return new StartingLaw.Point(x0 != null ? x0 : mean);
            case GAUSSIAN:
                if (p.has("covariance")) {
                    return gaussian(owner, mean, p.matrix("covariance"), d);
                }
                return StartingLaw.Gaussian.diagonal(mean, std(owner, p, d, init));
            case UNIFORM:
                if (p.has("box")) {
                    return box(owner, p.matrix("box"), d);
                }
                return StartingLaw.Uniform.withStd(mean, std(owner, p, d, init));
            case BIMODAL:
                if (!p.has("offset")) {
                    throw new ConfigurationException(owner + ": init bimodal needs 'offset' (the modes sit at mean -"
                            + " offset and mean + offset)");
                }
                return new StartingLaw.Bimodal(mean, std(owner, p, d, init), broadcast(owner, "offset",
                        p.vector("offset"), d));
            default:
                if (!p.has("file")) {
                    throw new ConfigurationException(owner + ": init samples needs 'file', a CSV of points with " + d
                            + " column" + (d == 1 ? "" : "s"));
                }
                return samples(owner, p.text("file"), d);
        }
    }

    /**
     * For a space of {@link #forPoints}: the law named by {@code init}, or null when init is not given (the space
     * starts at x0), in which case none of the law's parameters may be given either.
     */
    public static StartingLaw readPoints(String owner, Parameters p, int d, double[] x0) {
        if (p.has("init")) {
            return read(owner, p.text("init"), p, d, x0);
        }
        for (String name : List.of("mean", "covariance", "std", "box", "offset", "file")) {
            if (p.has(name)) {
                throw new ConfigurationException(owner + ": parameter '" + name + "' belongs to a starting law, but"
                        + " init is not given (the space starts at its point); set init (" + String.join(", ", LAWS)
                        + ")");
            }
        }
        return null;
    }

    /** The rows of a CSV file as points of dimension d. */
    public static StartingLaw.Samples samples(String owner, String file, int d) {
        CsvTable t = CsvTable.read(Path.of(file));
        if (t.columns() != d) {
            throw new ConfigurationException(owner + ": " + file + " has " + t.columns() + " column"
                    + (t.columns() == 1 ? "" : "s") + (t.hasHeader() ? " " + t.header() : "") + " but the points have"
                    + " dimension " + d + "; give one point per row with " + d + " coordinates");
        }
        return new StartingLaw.Samples(t.values(), d, file);
    }

    private static double[] std(String owner, Parameters p, int d, String init) {
        if (!p.has("std")) {
            throw new ConfigurationException(owner + ": init " + init + " needs 'std' (standard deviations per axis)"
                    + (init.equals(GAUSSIAN) ? " or 'covariance'" : init.equals(UNIFORM) ? " or 'box'" : ""));
        }
        double[] std = broadcast(owner, "std", p.vector("std"), d);
        for (int a = 0; a < d; a++) {
            if (!(std[a] > 0)) {
                throw new ConfigurationException(owner + ": parameter 'std' = " + Parameter.format(std[a]) + " (axis "
                        + (a + 1) + ") is not valid; expected a real number > 0");
            }
        }
        return std;
    }

    private static StartingLaw gaussian(String owner, double[] mean, double[][] c, int d) {
        if (c.length == 1 && c[0].length == 1) {
            double s = c[0][0];
            if (!(s > 0)) {
                throw new ConfigurationException(owner + ": parameter 'covariance' = " + Parameter.format(s) + " is"
                        + " not valid; a variance is > 0");
            }
            double[] std = new double[d];
            Arrays.fill(std, Math.sqrt(s));
            return StartingLaw.Gaussian.diagonal(mean, std);
        }
        if (c.length == 1 && c[0].length == d) {
            double[] std = new double[d];
            for (int a = 0; a < d; a++) {
                if (!(c[0][a] > 0)) {
                    throw new ConfigurationException(owner + ": parameter 'covariance' has the diagonal entry "
                            + Parameter.format(c[0][a]) + " (axis " + (a + 1) + "); variances are > 0");
                }
                std[a] = Math.sqrt(c[0][a]);
            }
            return StartingLaw.Gaussian.diagonal(mean, std);
        }
        if (c.length != d || c[0].length != d) {
            throw new ConfigurationException(owner + ": parameter 'covariance' is " + c.length + " x " + c[0].length
                    + " but the points have dimension " + d + "; give one number (s I), one row of " + d + " (the"
                    + " diagonal) or " + d + " rows of " + d);
        }
        double[] full = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(c[i], 0, full, i * d, d);
        }
        return StartingLaw.Gaussian.of(owner, mean, full);
    }

    private static StartingLaw box(String owner, double[][] b, int d) {
        if (!(b.length == 1 || b.length == d) || b[0].length != 2) {
            throw new ConfigurationException(owner + ": parameter 'box' is " + b.length + " x " + b[0].length + "; give"
                    + " lower,upper for every axis or " + d + " rows lower,upper (e.g. -1,1;0,2)");
        }
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int a = 0; a < d; a++) {
            double[] row = b[b.length == 1 ? 0 : a];
            if (!(row[1] > row[0])) {
                throw new ConfigurationException(owner + ": parameter 'box': axis " + (a + 1) + " has lower = "
                        + Parameter.format(row[0]) + ", upper = " + Parameter.format(row[1]) + "; need lower < upper");
            }
            lo[a] = row[0];
            hi[a] = row[1];
        }
        return StartingLaw.Uniform.box(lo, hi);
    }

    /** A vector parameter of the points' dimension d: 1 entry for all, or d ({@link Parameters#broadcast}). */
    public static double[] broadcast(String owner, String name, double[] v, int d) {
        return Parameters.broadcast(owner, name, v, d, "the points have dimension " + d);
    }
}
