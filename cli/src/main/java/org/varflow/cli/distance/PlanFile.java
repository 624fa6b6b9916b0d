package org.varflow.cli.distance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.varflow.core.output.AtomicFile;
import org.varflow.ot.SparsePlan;

/**
 * A transport plan P (n x m, mass P_ij moved from point i of A to point j of B) written as CSV, written under a
 * temporary name and renamed into place:
 *
 * <ul>
 *   <li><b>dense</b> when n m &lt;= {@value #DENSE_LIMIT}: a header {@code b1,...,bm}, then n rows of m masses;</li>
 *   <li><b>sparse</b> above: a header {@code source,target,mass}, then one row per entry, points numbered from 1 in
 *       file order. An exact plan has at most n + m - 1 entries and loses nothing; an entropic plan is dense, and
 *       entries below {@value #RELATIVE_CUTOFF} of its largest are left out (their total is reported as
 *       {@code droppedMass}).</li>
 * </ul>
 * Masses are written with 17 significant digits, so the plan reads back exactly.
 */
public final class PlanFile {
    /** Largest n m written densely. */
    public static final long DENSE_LIMIT = 10_000;
    /** Entries of an entropic plan below this fraction of its largest entry are not written in the sparse form. */
    public static final double RELATIVE_CUTOFF = 1e-12;

    private PlanFile() {
    }

    /** Writes a dense plan (row-major n x m); returns what was written, for the command's report. */
    public static Map<String, Object> write(Path file, double[] plan, int n, int m) {
        double largest = Arrays.stream(plan).max().orElse(0);
        boolean dense = (long) n * m <= DENSE_LIMIT;
        long entries = 0;
        double dropped = 0;
        try (AtomicFile out = new AtomicFile(file)) {
            Writer w = out.writer();
            if (dense) {
                header(w, m);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        w.write((j == 0 ? "" : ",") + number(plan[i * m + j]));
                    }
                    w.write('\n');
                }
                entries = (long) n * m;
            } else {
                w.write("source,target,mass\n");
                double cutoff = RELATIVE_CUTOFF * largest;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        double v = plan[i * m + j];
                        if (v > cutoff) {
                            w.write((i + 1) + "," + (j + 1) + "," + number(v) + "\n");
                            entries++;
                        } else {
                            dropped += v;
                        }
                    }
                }
            }
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report(file, dense, entries, dropped);
    }

    /** Writes an exact (sparse) plan: dense when small, else its entries. */
    public static Map<String, Object> write(Path file, SparsePlan plan) {
        if ((long) plan.rows() * plan.cols() <= DENSE_LIMIT) {
            return write(file, plan.toDense(), plan.rows(), plan.cols());
        }
        try (AtomicFile out = new AtomicFile(file)) {
            Writer w = out.writer();
            w.write("source,target,mass\n");
            for (int k = 0; k < plan.size(); k++) {
                w.write((plan.source(k) + 1) + "," + (plan.target(k) + 1) + "," + number(plan.mass(k)) + "\n");
            }
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report(file, false, plan.size(), 0);
    }

    private static void header(Writer w, int m) throws IOException {
        for (int j = 0; j < m; j++) {
            w.write((j == 0 ? "b" : ",b") + (j + 1));
        }
        w.write('\n');
    }

    private static Map<String, Object> report(Path file, boolean dense, long entries, double dropped) {
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("file", file.toString());
        r.put("format", dense ? "dense" : "sparse");
        r.put("entries", entries);
        if (!dense) {
            r.put("droppedMass", dropped);
        }
        return r;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    /**
     * The optimal plan between two weighted samples on the line: the monotone (north-west corner) coupling of the
     * sorted points, optimal for every cost |x - y|^p, p &gt;= 1; at most n + m - 1 entries, points in file order.
     */
    public static SparsePlan monotone(double[] x, double[] wx, double[] y, double[] wy) {
        int n = x.length;
        int m = y.length;
        Integer[] ix = order(x);
        Integer[] iy = order(y);
        java.util.List<int[]> pairs = new java.util.ArrayList<>();
        java.util.List<Double> masses = new java.util.ArrayList<>();
        double leftX = wx[ix[0]];
        double leftY = wy[iy[0]];
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            double mass = Math.min(leftX, leftY);
            if (mass > 0) {
                pairs.add(new int[] {ix[i], iy[j]});
                masses.add(mass);
            }
            leftX -= mass;
            leftY -= mass;
            if (leftX <= leftY) {
                if (++i < n) {
                    leftX = wx[ix[i]];
                }
            } else if (++j < m) {
                leftY = wy[iy[j]];
            }
        }
        int[] sources = new int[pairs.size()];
        int[] targets = new int[pairs.size()];
        double[] mass = new double[pairs.size()];
        for (int k = 0; k < mass.length; k++) {
            sources[k] = pairs.get(k)[0];
            targets[k] = pairs.get(k)[1];
            mass[k] = masses.get(k);
        }
        return new SparsePlan(n, m, sources, targets, mass);
    }

    private static Integer[] order(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (p, q) -> Double.compare(v[p], v[q]));
        return idx;
    }
}
