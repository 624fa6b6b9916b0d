package org.varflow.cli.plot;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.varflow.api.io.CsvTable;

/**
 * The observations of one run, read back from the {@code trajectory.csv} the run wrote: step, time, energy, free
 * energy and the state (one particle's coordinates, or the ensemble's mean_ and var_ columns). Empty cells (an
 * undefined free energy) are NaN; anything else that is not a number refuses the file, with its line and column.
 */
public final class Trajectory {
    private final List<String> columns;
    private final double[][] data;

    private Trajectory(List<String> columns, double[][] data) {
        this.columns = List.copyOf(columns);
        this.data = data;
    }

    /** The layout the run's CSV sink writes: a header first, an empty cell for an undefined value. */
    private static final CsvTable.Format LAYOUT = CsvTable.Format.STRICT.withHeaderFirst().withEmptyAsNaN()
            .withMaxBytes(1L << 30);

    /** Reads a trajectory CSV as written by the run's CSV sink, with the one CSV reader. */
    public static Trajectory read(Path csv) {
        return of(CsvTable.read(csv, LAYOUT));
    }

    /** Parses CSV lines (a header, then one row per observation). */
    public static Trajectory parse(List<String> lines) {
        try {
            return of(CsvTable.parse(new StringReader(String.join("\n", lines)), "trajectory", LAYOUT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Trajectory of(CsvTable table) {
        double[][] data = new double[table.columns()][];
        for (int c = 0; c < data.length; c++) {
            data[c] = table.column(c);
        }
        return new Trajectory(table.header(), data);
    }

    /** Number of observations. */
    public int size() {
        return data.length == 0 ? 0 : data[0].length;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    /** A copy of one column. */
    public double[] column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + columns);
        }
        return data[i].clone();
    }

    public double[] step() {
        return column("step");
    }

    public double[] time() {
        return column("time");
    }

    public double[] energy() {
        return column("energy");
    }

    public double[] freeEnergy() {
        return column("free_energy");
    }

    /**
     * The state columns in coordinate order: the coordinate names for one particle, {@code mean_<name>} for an
     * ensemble.
     */
    public List<String> stateColumns() {
        List<String> out = new ArrayList<>();
        for (String c : columns.subList(Math.min(4, columns.size()), columns.size())) {
            if (!c.startsWith("var_")) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether the rows hold ensemble means (and variances) rather than one particle's coordinates. */
    public boolean isEnsemble() {
        return columns.stream().anyMatch(c -> c.startsWith("var_"));
    }
}
