package org.varflow.cli.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The observations of one run, read back from the {@code trajectory.csv} the run wrote: step, time, energy, free
 * energy and the state (one particle's coordinates, or the ensemble's mean_ and var_ columns). Empty cells (an
 * undefined free energy) are NaN.
 */
public final class Trajectory {
    private final List<String> columns;
    private final double[][] data;

    private Trajectory(List<String> columns, double[][] data) {
        this.columns = List.copyOf(columns);
        this.data = data;
    }

    /** Reads a trajectory CSV as written by the run's CSV sink. */
    public static Trajectory read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(csv + " is empty");
        }
        return parse(lines);
    }

    /** Parses CSV lines (a header, then one row per observation). */
    public static Trajectory parse(List<String> lines) {
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            double[] row = new double[header.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = i < cells.length && !cells[i].isEmpty() ? parse(cells[i]) : Double.NaN;
            }
            rows.add(row);
        }
        double[][] data = new double[header.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.size(); c++) {
                data[c][r] = rows.get(r)[c];
            }
        }
        return new Trajectory(header, data);
    }

    private static double parse(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
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
