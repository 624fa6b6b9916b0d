package org.varflow.measures.grid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.formula.Formula;
import org.varflow.api.formula.Variables;
import org.varflow.api.init.InitParameters;
import org.varflow.api.init.StartingLaw;
import org.varflow.api.io.CsvTable;
import org.varflow.api.io.Excerpt;
import org.varflow.api.measure.GridLayout;

/**
 * The starting density of a grid, from the space's {@code init} (before normalisation to mass one):
 *
 * <ul>
 *   <li>{@code gaussian}, {@code uniform}, {@code bimodal}: the law's density at the cell centres (the parameters
 *       of {@link InitParameters}: mean, std or covariance, box, offset);</li>
 *   <li>{@code samples}: the histogram of the points of {@code file}, count / (N |cell|) per cell;</li>
 *   <li>{@code formula}: the formula {@code formula} in x1 (and x2) at the cell centres, e.g.
 *       {@code exp(-(x1 - 1)^2) + 0.5*exp(-(x1 + 1)^2)}; it must be finite and &gt;= 0 there;</li>
 *   <li>{@code density}: the values of {@code density} (inline) or of the CSV {@code file}, one per cell, row-major
 *       with the first axis fastest (in 2-D a table of ny rows of nx values is that order).</li>
 * </ul>
 */
final class GridStart {
    static final String FORMULA = "formula";
    static final String DENSITY = "density";
    static final List<String> LAWS = List.of(InitParameters.GAUSSIAN, InitParameters.UNIFORM, InitParameters.BIMODAL,
            InitParameters.SAMPLES, FORMULA, DENSITY);

    private GridStart() {
    }

    /** The starting-law parameters of a grid, with the defaults given for mean, std and offset. */
    static List<Parameter> parameters(String mean, String std, String offset) {
        List<Parameter> p = new ArrayList<>(InitParameters.forMeasures(LAWS, mean, std, offset));
        p.add(Parameter.text(FORMULA, null, "init formula: the starting density as a formula in x1 (and x2), e.g."
                + " exp(-(x1 - 1)^2); evaluated at the cell centres"));
        p.add(Parameter.vector(DENSITY, null, "the starting density, one value >= 0 per cell (row-major, first axis"
                + " fastest); replaces the law (init density, or init left at its default)"));
        return p;
    }

    /** The starting density (not yet normalised). */
    static double[] density(String owner, Parameters p, GridLayout layout) {
        String init = p.text("init");
        int n = layout.size();
        if (p.has(DENSITY)) {
            if (!init.equals(DENSITY) && !init.equals(InitParameters.GAUSSIAN)) {
                throw new ConfigurationException(owner + ": parameter 'density' gives the starting density, but init"
                        + " is " + init + "; drop one of them");
            }
            return checked(owner, "parameter 'density'", p.vector(DENSITY), n);
        }
        if (p.has(FORMULA) && !init.equals(FORMULA)) {
            throw new ConfigurationException(owner + ": parameter 'formula' applies to init=formula, but init is "
                    + init);
        }
        switch (init) {
            case FORMULA:
                return formula(owner, p, layout);
            case DENSITY: {
                if (!p.has("file")) {
                    throw new ConfigurationException(owner + ": init density needs the values: 'density' (inline) or"
                            + " 'file' (a CSV of " + n + " values)");
                }
                CsvTable t = CsvTable.read(Path.of(p.text("file")));
                return checked(owner, p.text("file"), t.values(), n);
            }
            case InitParameters.SAMPLES:
                return histogram(owner, InitParameters.read(owner, init, p, layout.axes(), null), layout);
            default: {
                StartingLaw law = InitParameters.read(owner, init, p, layout.axes(), null);
                double[] rho = new double[n];
                double[] c = new double[layout.axes()];
                for (int i = 0; i < n; i++) {
                    layout.centre(i, c);
                    rho[i] = law.density(c);
                }
                return rho;
            }
        }
    }

    private static double[] formula(String owner, Parameters p, GridLayout layout) {
        if (!p.has(FORMULA)) {
            throw new ConfigurationException(owner + ": init formula needs 'formula', the density in x1"
                    + (layout.axes() == 2 ? " and x2" : "") + ", e.g. exp(-(x1 - 1)^2)");
        }
        Formula f;
        try {
            f = Formula.compile(p.text(FORMULA), Variables.vector("x", layout.axes()), Map.of());
        } catch (ConfigurationException e) {
            throw new ConfigurationException(owner + ": parameter 'formula': " + e.getMessage(), e);
        }
        double[] rho = new double[layout.size()];
        double[] c = new double[layout.axes()];
        for (int i = 0; i < rho.length; i++) {
            layout.centre(i, c);
            rho[i] = f.value(c);
            if (!(rho[i] >= 0) || !Double.isFinite(rho[i])) {
                throw new ConfigurationException(owner + ": the starting density " + Excerpt.quote(f.text()) + " is "
                        + rho[i] + " at the centre " + java.util.Arrays.toString(c) + " of cell " + (i + 1) + "; a"
                        + " density is finite and >= 0 on the grid " + layout);
            }
        }
        return rho;
    }

    private static double[] histogram(String owner, StartingLaw law, GridLayout layout) {
        StartingLaw.Samples samples = (StartingLaw.Samples) law;
        double[] points = samples.points();
        int d = layout.axes();
        int count = samples.size();
        double[] rho = new double[layout.size()];
        int outside = 0;
        for (int k = 0; k < count; k++) {
            int index = 0;
            int stride = 1;
            boolean in = true;
            for (int a = 0; a < d && in; a++) {
                double u = (points[k * d + a] - layout.lower(a)) / layout.dx(a);
                int i = (int) Math.floor(u);
                if (u == layout.cells(a)) {
                    i = layout.cells(a) - 1; // the upper edge belongs to the last cell
                }
                in = i >= 0 && i < layout.cells(a);
                index += i * stride;
                stride *= layout.cells(a);
            }
            if (in) {
                rho[index] += 1;
            } else {
                outside++;
            }
        }
        if (outside > 0) {
            throw new ConfigurationException(owner + ": " + outside + " of the " + count + " samples of "
                    + samples.source() + " lie outside the grid " + layout + "; widen the grid (lower, upper)");
        }
        for (int i = 0; i < rho.length; i++) {
            rho[i] /= count * layout.cellVolume();
        }
        return rho;
    }

    private static double[] checked(String owner, String what, double[] values, int n) {
        if (values.length != n) {
            throw new ConfigurationException(owner + ": " + what + " has " + values.length + " values but the grid has "
                    + n + " cells");
        }
        for (int i = 0; i < n; i++) {
            if (!(values[i] >= 0)) {
                throw new ConfigurationException(owner + ": " + what + " has the negative value "
                        + Parameter.format(values[i]) + " at cell " + (i + 1) + "; a density is >= 0");
            }
        }
        return values;
    }
}
