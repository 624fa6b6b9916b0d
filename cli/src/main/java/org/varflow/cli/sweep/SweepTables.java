package org.varflow.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import org.varflow.api.io.Decimal;
import org.varflow.cli.sweep.Table.Column;

/**
 * The tables of a finished sweep, built from the plan and the merged runs:
 * <ul>
 *   <li>{@code runs}: one row per run — the varied values, the seed, the shards, the status and exit code (the
 *       divergence message for a run that diverged), steps, time, the initial and final energy, the free energy,
 *       the mean and covariance of the final state, the diagnostics and the wall time;</li>
 *   <li>{@code cells}: one row per grid cell — the mean and standard error over its completed runs of every
 *       figure of {@code runs} (SE = sample standard deviation / sqrt(n), empty for n = 1);</li>
 *   <li>{@code histograms}: for ensembles, the counts of the final particles per coordinate and bin, with an
 *       underflow and an overflow bin (infinite edges).</li>
 * </ul>
 */
public final class SweepTables {
    /** Largest dimension whose full covariance (upper triangle) is a set of columns; above it, variances only. */
    public static final int MAX_COVARIANCE_COLUMNS_DIMENSION = 16;

    private SweepTables() {
    }

    /** The figures of a run that the cells table aggregates and the plots show, in column order. */
    public static List<String> figures(SweepPlan plan) {
        int d = maxDimension(plan);
        List<String> out = new ArrayList<>(List.of("energy", "free_energy"));
        for (int i = 1; i <= d; i++) {
            out.add("mean_" + i);
        }
        for (int i = 1; i <= d; i++) {
            for (int j = i; j <= d; j++) {
                if (i == j || d <= MAX_COVARIANCE_COLUMNS_DIMENSION) {
                    out.add("cov_" + i + "_" + j);
                }
            }
        }
        out.add("wall_seconds");
        return out;
    }

    /** The runs table. */
    public static Table runs(SweepPlan plan, List<RunRow> rows) {
        List<Column> cols = new ArrayList<>(List.of(new Column("run", Table.Type.LONG), new Column("cell",
                Table.Type.LONG),
                new Column("label", Table.Type.STRING)));
        cols.addAll(keyColumns(plan));
        cols.addAll(List.of(new Column("seed", Table.Type.LONG), new Column("shards", Table.Type.LONG),
                new Column("particles", Table.Type.LONG), new Column("status", Table.Type.STRING),
                new Column("exit_code", Table.Type.LONG), new Column("message", Table.Type.STRING), new Column("steps",
                        Table.Type.LONG),
                new Column("time", Table.Type.DOUBLE), new Column("energy_initial", Table.Type.DOUBLE),
                new Column("energy", Table.Type.DOUBLE), new Column("free_energy", Table.Type.DOUBLE)));
        List<String> figures = figures(plan);
        for (String f : figures) {
            if (f.startsWith("mean_") || f.startsWith("cov_")) {
                cols.add(new Column(f, Table.Type.DOUBLE));
            }
        }
        cols.addAll(List.of(new Column("finite", Table.Type.BOOLEAN), new Column("max_dissipation_violation",
                Table.Type.DOUBLE),
                new Column("energy_increases", Table.Type.LONG), new Column("stopped_early", Table.Type.BOOLEAN),
                new Column("wall_seconds", Table.Type.DOUBLE)));
        List<List<Object>> out = new ArrayList<>();
        for (RunRow r : rows) {
            SweepPlan.Run run = plan.runs().get(r.run());
            SweepPlan.Cell cell = plan.cellOf(run);
            List<Object> v = new ArrayList<>(List.of((long) run.index(), (long) cell.index(), cell.label()));
            v.addAll(keyValues(plan, cell));
            v.add(run.seed());
            v.add((long) r.shards());
            v.add(r.ok() ? r.particles() : (long) cell.spec().particles());
            v.add(r.ok() ? "ok" : "diverged");
            v.add((long) r.exitCode());
            v.add(r.message());
            v.add(r.ok() ? r.steps() : null);
            v.add(r.ok() ? r.time() : null);
            v.add(value(r.energyInitial()));
            v.add(value(r.energy()));
            v.add(value(r.freeEnergy()));
            for (String f : figures) {
                if (f.startsWith("mean_")) {
                    int i = Integer.parseInt(f.substring(5)) - 1;
                    v.add(r.mean() != null && i < r.mean().length ? value(r.mean()[i]) : null);
                } else if (f.startsWith("cov_")) {
                    String[] ij = f.substring(4).split("_");
                    int i = Integer.parseInt(ij[0]) - 1;
                    int j = Integer.parseInt(ij[1]) - 1;
                    int rd = r.dimension();
                    v.add(r.covariance() != null && i < rd && j < rd ? value(r.covariance()[i * rd + j]) : null);
                }
            }
            v.add(r.ok() ? r.finite() : null);
            v.add(value(r.maxDissipationViolation()));
            v.add(r.energyIncreases() < 0 ? null : r.energyIncreases());
            v.add(r.ok() ? r.stoppedEarly() : null);
            v.add(r.wallSeconds());
            out.add(v);
        }
        return new Table("runs", cols, out);
    }

    /** The cells table: per cell, mean and standard error over its completed runs of every figure. */
    public static Table cells(SweepPlan plan, Table runs) {
        List<String> figures = figures(plan);
        List<Column> cols = new ArrayList<>(List.of(new Column("cell", Table.Type.LONG), new Column("label",
                Table.Type.STRING)));
        cols.addAll(keyColumns(plan));
        cols.addAll(List.of(new Column("runs", Table.Type.LONG), new Column("failed", Table.Type.LONG)));
        for (String f : figures) {
            cols.add(new Column(f + "_mean", Table.Type.DOUBLE));
            cols.add(new Column(f + "_se", Table.Type.DOUBLE));
        }
        int cellCol = runs.indexOf("cell");
        int statusCol = runs.indexOf("status");
        List<List<Object>> out = new ArrayList<>();
        for (SweepPlan.Cell cell : plan.cells()) {
            List<List<Object>> mine = new ArrayList<>();
            long failed = 0;
            for (List<Object> r : runs.rows()) {
                if (((Long) r.get(cellCol)) == cell.index()) {
                    if ("ok".equals(r.get(statusCol))) {
                        mine.add(r);
                    } else {
                        failed++;
                    }
                }
            }
            List<Object> v = new ArrayList<>(List.of((long) cell.index(), cell.label()));
            v.addAll(keyValues(plan, cell));
            v.add((long) mine.size());
            v.add(failed);
            for (String f : figures) {
                int c = runs.indexOf(f);
                List<Double> xs = new ArrayList<>();
                for (List<Object> r : mine) {
                    if (r.get(c) instanceof Double x && Double.isFinite(x)) {
                        xs.add(x);
                    }
                }
                double[] ms = meanAndStandardError(xs);
                v.add(value(ms[0]));
                v.add(value(ms[1]));
            }
            out.add(v);
        }
        return new Table("cells", cols, out);
    }

    /** The histograms table (empty when no run kept histograms). */
    public static Table histograms(SweepPlan plan, List<RunRow> rows) {
        List<Column> cols = List.of(new Column("run", Table.Type.LONG), new Column("cell", Table.Type.LONG),
                new Column("label", Table.Type.STRING), new Column("seed", Table.Type.LONG), new Column("coordinate",
                        Table.Type.LONG),
                new Column("bin", Table.Type.LONG), new Column("lower", Table.Type.DOUBLE), new Column("upper",
                        Table.Type.DOUBLE),
                new Column("count", Table.Type.LONG));
        List<List<Object>> out = new ArrayList<>();
        for (RunRow r : rows) {
            if (r.histogram() == null) {
                continue;
            }
            SweepPlan.Run run = plan.runs().get(r.run());
            SweepPlan.Cell cell = plan.cellOf(run);
            HistogramSpec h = plan.tasks().get(r.run() * plan.shards()).histogram(); // tasks are run-major
            int slots = h.slots();
            for (int i = 0; i < r.dimension(); i++) {
                for (int s = 0; s < slots; s++) {
                    double lower = s == 0 ? Double.NEGATIVE_INFINITY : h.edge(s - 1);
                    double upper = s == slots - 1 ? Double.POSITIVE_INFINITY : h.edge(s);
                    out.add(List.of((long) run.index(), (long) cell.index(), cell.label(), run.seed(), (long) i + 1,
                            (long) s - 1, lower, upper, r.histogram()[i * slots + s]));
                }
            }
        }
        return new Table("histograms", cols, out);
    }

    /** Mean and standard error (sample sd / sqrt(n)) of values in order; NaN where undefined. */
    static double[] meanAndStandardError(List<Double> xs) {
        int n = xs.size();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        double mean = sum / n;
        if (n == 1) {
            return new double[] {mean, Double.NaN};
        }
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        return new double[] {mean, Math.sqrt(ss / (n - 1) / n)};
    }

    /**
     * Whether every value of a varied key is a plain decimal ({@link Decimal}; then its column is numeric): a text
     * value such as a file named {@code 1d} stays text, where Java's reader would make it the number 1.
     */
    static boolean numeric(SweepPlan plan, int key) {
        for (SweepPlan.Cell c : plan.cells()) {
            if (!Decimal.isPlain(c.values().get(key).strip())) {
                return false;
            }
        }
        return true;
    }

    private static List<Column> keyColumns(SweepPlan plan) {
        List<Column> out = new ArrayList<>();
        for (int k = 0; k < plan.keys().size(); k++) {
            out.add(new Column(plan.keys().get(k), numeric(plan, k) ? Table.Type.DOUBLE : Table.Type.STRING));
        }
        return out;
    }

    private static List<Object> keyValues(SweepPlan plan, SweepPlan.Cell cell) {
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < plan.keys().size(); k++) {
            String v = cell.values().get(k);
            out.add(numeric(plan, k) ? (Object) Decimal.parse(v) : v);
        }
        return out;
    }

    private static int maxDimension(SweepPlan plan) {
        int d = 0;
        for (SweepPlan.Cell c : plan.cells()) {
            d = Math.max(d, c.dimension());
        }
        return d;
    }

    private static Double value(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
