package org.varflow.geometry.path;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FixedEndPath;
import org.varflow.api.Parameter;
import org.varflow.api.ParameterType;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.api.formula.Formula;
import org.varflow.api.formula.Variables;
import org.varflow.api.io.CsvTable;
import org.varflow.api.io.Excerpt;

/**
 * The space {@code path}: interior nodes of a discretised path with fixed ends (see {@link PathSpace}), starting
 * ({@code init}) on the straight line, on a curve given by a formula in t (and s = t/T), one component per
 * ';'-separated formula, or at given nodes (inline {@code nodes} or a CSV {@code file}: N - 1 rows of the interior
 * nodes, or N + 1 rows with the ends, which must equal start and end).
 */
public final class PathSpaceFactory implements SpaceFactory {
    static final String OWNER = "space 'path'";
    /** Largest number of intervals: keeps the dense Hessians of implicit schemes within reach. */
    static final int MAX_NODES = 2000;
    /** The starting paths. */
    static final List<String> INITS = List.of("line", "formula", "nodes");

    @Override
    public String id() {
        return "path";
    }

    @Override
    public String summary() {
        return "a path q(t) on [0, T] with fixed ends q(0) = A, q(T) = B: its N - 1 interior nodes, each in R^k";
    }

    @Override
    public String formula() {
        return "state (q_1, ..., q_{N-1}), q_j = q(j dt) in R^k, dt = T / N, q_0 = A and q_N = B fixed;"
                + " starts on the straight line A + (B - A) j / N (init line), a curve q(t) (init formula) or given"
                + " nodes (init nodes)";
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>(List.of(
                Parameter.integer("nodes", 64, 2, MAX_NODES, "N, the number of intervals (N - 1 free nodes)"),
                Parameter.positive("length", 1.0, "T, the length of the time (or x) interval [0, T]"),
                Parameter.vector("start", "0", "A = q(0), k = 1 or 2 components"),
                Parameter.vector("end", "1", "B = q(T), as many components as start")));
        p.add(new Parameter("init", ParameterType.CHOICE, null, 0, false, 0, INITS, "the starting path: line (A to B,"
                + " the default), formula (a curve q(t)) or nodes (given values)"));
        p.add(Parameter.text("formula", null, "init formula: q(t) for t in [0, T] (also s = t/T in [0, 1]), one"
                + " formula per component separated by ';', e.g. 2*sqrt(t/pi); it must meet start and end"));
        p.add(Parameter.matrix("path", "init nodes: the nodes, N - 1 rows of k numbers (the interior) or N + 1 rows"
                + " (with the ends, which must equal start and end); for k = 1 also one row of N - 1 or N + 1"));
        p.add(Parameter.text("file", null, "init nodes: a CSV file of the nodes, in the rows of 'path'"));
        return p;
    }

    @Override
    public Class<? extends Space> partType() {
        return FixedEndPath.class;
    }

    @Override
    public Space create(Parameters parameters) {
        double[] a = parameters.vector("start");
        double[] b = parameters.vector("end");
        if (a.length > 2 || b.length > 2) {
            throw new ConfigurationException(OWNER + ": nodes have k = 1 or 2 components, but start has " + a.length
                    + " and end " + b.length);
        }
        if (a.length != b.length) {
            throw new ConfigurationException(OWNER + ": start has " + a.length + " component(s) but end has "
                    + b.length + "; give both in R^k with the same k (1 or 2)");
        }
        int n = (int) parameters.integer("nodes");
        double length = parameters.real("length");
        String init = parameters.has("init") ? parameters.text("init") : "line";
        for (String name : List.of("formula", "path", "file")) {
            boolean fits = name.equals("formula") ? init.equals("formula") : init.equals("nodes");
            if (parameters.has(name) && !fits) {
                throw new ConfigurationException(OWNER + ": parameter '" + name + "' applies to init="
                        + (name.equals("formula") ? "formula" : "nodes") + ", but init is " + init);
            }
        }
        double[] initial = switch (init) {
            case "formula" -> curve(parameters, n, length, a, b);
            case "nodes" -> nodes(parameters, n, a, b);
            default -> null;
        };
        return new PathSpace(n, length, a, b, initial);
    }

    /** The interior nodes of the curve q(t) given by the formula, checked against the ends. */
    private static double[] curve(Parameters parameters, int n, double length, double[] a, double[] b) {
        if (!parameters.has("formula")) {
            throw new ConfigurationException(OWNER + ": init formula needs 'formula', q(t) for t in [0, T], e.g."
                    + " --set space.formula='2*sqrt(t/pi)'");
        }
        int k = a.length;
        List<Formula> parts;
        try {
            parts = Formula.compileList(parameters.text("formula"), Variables.named("t", "s"), Map.of());
        } catch (ConfigurationException e) {
            throw new ConfigurationException(OWNER + ": parameter 'formula': " + e.getMessage(), e);
        }
        if (parts.size() != k) {
            throw new ConfigurationException(OWNER + ": parameter 'formula' has " + parts.size() + " component"
                    + (parts.size() == 1 ? "" : "s") + " but the path's nodes have k = " + k + " (from start and end);"
                    + " separate the components with ';'");
        }
        double[] x = new double[(n - 1) * k];
        for (int c = 0; c < k; c++) {
            Formula f = parts.get(c);
            checkEnd(f, 0, length, a[c], "start", c, k);
            checkEnd(f, length, length, b[c], "end", c, k);
            for (int j = 1; j < n; j++) {
                double t = length * j / n;
                double v = f.value(new double[] {t, t / length});
                if (!Double.isFinite(v)) {
                    throw new ConfigurationException(OWNER + ": the curve " + Excerpt.quote(f.text()) + " is " + v
                            + " at t = " + t + " (node " + j + ")");
                }
                x[(j - 1) * k + c] = v;
            }
        }
        return x;
    }

    private static void checkEnd(Formula f, double t, double length, double expected, String which, int c, int k) {
        double v = f.value(new double[] {t, t / length});
        if (!(Math.abs(v - expected) <= 1e-9 * Math.max(1, Math.abs(expected)))) {
            throw new ConfigurationException(OWNER + ": the curve " + Excerpt.quote(f.text()) + " gives q"
                    + (k == 1 ? "" : "_" + (c + 1)) + "(" + Parameter.format(t) + ") = " + v + " but " + which + " = "
                    + Parameter.format(expected) + "; the ends are fixed, so the curve must meet them");
        }
    }

    /** The interior nodes given inline ({@code path}) or in a CSV file. */
    private static double[] nodes(Parameters parameters, int n, double[] a, double[] b) {
        int k = a.length;
        double[] values;
        String what;
        int columns;
        if (parameters.has("path") == parameters.has("file")) {
            throw new ConfigurationException(OWNER + ": init nodes needs the nodes, either 'path' (inline) or 'file'"
                    + " (a CSV), not " + (parameters.has("path") ? "both" : "neither"));
        }
        if (parameters.has("path")) {
            double[][] m = parameters.matrix("path");
            columns = m[0].length;
            values = new double[m.length * columns];
            for (int i = 0; i < m.length; i++) {
                System.arraycopy(m[i], 0, values, i * columns, columns);
            }
            what = "parameter 'path'";
            if (k == 1 && m.length == 1) {
                columns = 1; // one row of values
            }
        } else {
            CsvTable t = CsvTable.read(Path.of(parameters.text("file")));
            values = t.values();
            columns = t.columns();
            what = parameters.text("file");
        }
        if (columns != k || (values.length / k != n - 1 && values.length / k != n + 1)) {
            throw new ConfigurationException(OWNER + ": " + what + " holds " + values.length / Math.max(1, columns)
                    + " rows of " + columns + " but the path needs N - 1 = " + (n - 1) + " interior nodes (or N + 1 = "
                    + (n + 1) + " with the ends) of k = " + k + " numbers");
        }
        if (values.length / k == n + 1) {
            for (int c = 0; c < k; c++) {
                if (values[c] != a[c] || values[n * k + c] != b[c]) {
                    throw new ConfigurationException(OWNER + ": " + what + " starts at " + values[c] + " and ends at "
                            + values[n * k + c] + " but start = " + Parameter.format(a[c]) + " and end = "
                            + Parameter.format(b[c]) + "; the ends are fixed");
                }
            }
            return java.util.Arrays.copyOfRange(values, k, n * k);
        }
        return values;
    }
}
