package org.varflow.cli.plot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Level sets of a function of two variables by marching squares on a regular grid: for each level, the segments
 * where the bilinear interpolant crosses it, joined into polylines. Cells with a non-finite corner are skipped, so a
 * function undefined somewhere (a log barrier, a manifold's chart) leaves a gap instead of a wrong line.
 */
public final class Contours {
    private final double[] xs;
    private final double[] ys;
    private final double[][] values;

    private Contours(double[] xs, double[] ys, double[][] values) {
        this.xs = xs;
        this.ys = ys;
        this.values = values;
    }

    /** Samples {@code f} on an {@code n x n} grid over [x0, x1] x [y0, y1]; values[j][i] = f(xs[i], ys[j]). */
    public static Contours sample(ToDoubleFunction<double[]> f, double x0, double x1, double y0, double y1, int n) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x0 + (x1 - x0) * i / (n - 1);
            ys[i] = y0 + (y1 - y0) * i / (n - 1);
        }
        double[][] v = new double[n][n];
        double[] p = new double[2];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                p[0] = xs[i];
                p[1] = ys[j];
                double e;
                try {
                    e = f.applyAsDouble(p);
                } catch (RuntimeException outsideDomain) {
                    e = Double.NaN;
                }
                v[j][i] = e;
            }
        }
        return new Contours(xs, ys, v);
    }

    /** Builds from given grid values; values[j][i] belongs to (xs[i], ys[j]). */
    public static Contours of(double[] xs, double[] ys, double[][] values) {
        return new Contours(xs.clone(), ys.clone(), values);
    }

    /**
     * {@code count} levels placed at quantiles of the finite grid values, squeezed towards the low end (where the
     * minimiser is and where a flow spends its time): level k = 0..count-1 sits at quantile ((k + 1) / (count + 1))^2.
     */
    public double[] levels(int count) {
        double[] finite = Arrays.stream(values).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted()
                .toArray();
        if (finite.length == 0 || finite[0] == finite[finite.length - 1]) {
            return new double[0];
        }
        double[] out = new double[count];
        int m = 0;
        for (int k = 0; k < count; k++) {
            double q = Math.pow((k + 1.0) / (count + 1), 2);
            double v = finite[(int) Math.min(finite.length - 1, Math.round(q * (finite.length - 1)))];
            if (m == 0 || v > out[m - 1]) {
                out[m++] = v;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * The level set at {@code level} as polylines, returned as x and y arrays in which NaN separates one line from
     * the next (the form a line chart draws with gaps).
     */
    public double[][] line(double level) {
        // a level equal to a grid value puts crossings on corners shared by several edges; nudge it off them so
        // every crossing lies inside exactly one edge and neighbouring cells join
        double lvl = level;
        for (int tries = 0; tries < 64 && onGrid(lvl); tries++) {
            lvl = Math.nextUp(lvl + Math.ulp(lvl) * (1L << tries));
        }
        List<double[]> segments = segments(lvl);
        List<List<double[]>> lines = join(segments);
        int points = 0;
        for (List<double[]> l : lines) {
            points += l.size() + 1;
        }
        double[] x = new double[Math.max(0, points - 1)];
        double[] y = new double[x.length];
        int k = 0;
        for (List<double[]> l : lines) {
            if (k > 0) {
                x[k] = Double.NaN;
                y[k] = Double.NaN;
                k++;
            }
            for (double[] p : l) {
                x[k] = p[0];
                y[k] = p[1];
                k++;
            }
        }
        return new double[][] {x, y};
    }

    /** Segments {x1, y1, x2, y2} where the interpolant crosses the level, one or two per cell. */
    List<double[]> segments(double level) {
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j + 1 < ys.length; j++) {
            for (int i = 0; i + 1 < xs.length; i++) {
                double a = values[j][i];          // (x0, y0)
                double b = values[j][i + 1];      // (x1, y0)
                double c = values[j + 1][i + 1];  // (x1, y1)
                double d = values[j + 1][i];      // (x0, y1)
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
                    continue;
                }
                int index = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
                if (index == 0 || index == 15) {
                    continue;
                }
                double x0 = xs[i];
                double x1 = xs[i + 1];
                double y0 = ys[j];
                double y1 = ys[j + 1];
                double[] bottom = {x0 + (x1 - x0) * frac(a, b, level), y0};
                double[] right = {x1, y0 + (y1 - y0) * frac(b, c, level)};
                double[] top = {x0 + (x1 - x0) * frac(d, c, level), y1};
                double[] left = {x0, y0 + (y1 - y0) * frac(a, d, level)};
                switch (index) {
                    case 1, 14 -> out.add(seg(left, bottom));
                    case 2, 13 -> out.add(seg(bottom, right));
                    case 3, 12 -> out.add(seg(left, right));
                    case 4, 11 -> out.add(seg(right, top));
                    case 6, 9 -> out.add(seg(bottom, top));
                    case 7, 8 -> out.add(seg(left, top));
                    case 5, 10 -> { // saddle: decide by the centre value
                        double centre = (a + b + c + d) / 4;
                        boolean aboveCentre = centre > level;
                        if ((index == 5) == aboveCentre) {
                            out.add(seg(left, top));
                            out.add(seg(bottom, right));
                        } else {
                            out.add(seg(left, bottom));
                            out.add(seg(right, top));
                        }
                    }
                    default -> throw new IllegalStateException("case " + index);
                }
            }
        }
        return out;
    }

    private boolean onGrid(double level) {
        for (double[] row : values) {
            for (double v : row) {
                if (v == level) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double frac(double from, double to, double level) {
        double t = (level - from) / (to - from);
        return Math.max(0, Math.min(1, t));
    }

    private static double[] seg(double[] p, double[] q) {
        return new double[] {p[0], p[1], q[0], q[1]};
    }

    /** Chains segments sharing end points into polylines. */
    private static List<List<double[]>> join(List<double[]> segments) {
        Map<String, List<Integer>> byEnd = new HashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            double[] g = segments.get(s);
            byEnd.computeIfAbsent(key(g[0], g[1]), k -> new ArrayList<>()).add(s);
            byEnd.computeIfAbsent(key(g[2], g[3]), k -> new ArrayList<>()).add(s);
        }
        boolean[] used = new boolean[segments.size()];
        List<List<double[]>> lines = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            if (used[s]) {
                continue;
            }
            used[s] = true;
            double[] g = segments.get(s);
            Deque<double[]> line = new ArrayDeque<>();
            line.add(new double[] {g[0], g[1]});
            line.add(new double[] {g[2], g[3]});
            extend(line, true, segments, byEnd, used);
            extend(line, false, segments, byEnd, used);
            lines.add(new ArrayList<>(line));
        }
        return lines;
    }

    private static void extend(Deque<double[]> line, boolean atEnd, List<double[]> segments,
                               Map<String, List<Integer>> byEnd, boolean[] used) {
        while (true) {
            double[] p = atEnd ? line.peekLast() : line.peekFirst();
            String k = key(p[0], p[1]);
            int next = -1;
            for (int s : byEnd.getOrDefault(k, List.of())) {
                if (!used[s]) {
                    next = s;
                    break;
                }
            }
            if (next < 0) {
                return;
            }
            used[next] = true;
            double[] g = segments.get(next);
            double[] other = key(g[0], g[1]).equals(k) ? new double[] {g[2], g[3]} : new double[] {g[0], g[1]};
            if (atEnd) {
                line.addLast(other);
            } else {
                line.addFirst(other);
            }
        }
    }

    private static String key(double x, double y) {
        // shared cell edges compute their crossing with identical arithmetic, so equal points are bitwise equal
        return Double.doubleToLongBits(x) + ":" + Double.doubleToLongBits(y);
    }
}
