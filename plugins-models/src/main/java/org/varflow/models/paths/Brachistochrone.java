package org.varflow.models.paths;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The brachistochrone: the descent time of a bead sliding without friction from rest at A = (0, 0) to B = (X, Y)
 * along a curve y(x), y measured downward,
 *
 * <pre>
 *   T[y] = integral_0^X sqrt((1 + y'^2) / (2 g y)) dx,
 * </pre>
 *
 * minimised by the cycloid x = r(theta - sin theta), y = r(1 - cos theta), 0 &lt;= theta &lt;= theta_B, whose time is
 * theta_B sqrt(r / g) (for B = (pi, 2): r = 1, theta_B = pi, T = pi / sqrt(g)).
 *
 * <p><b>The singularity at y = 0.</b> The integrand blows up like y^-1/2 at A. Two treatments, both exact for it:
 * <ul>
 *   <li>{@link #polygonTime}, the discrete functional of the energy {@code brachistochrone}: on each chord of a
 *       polygon y is linear, so integral dx / sqrt(y) = 2 dx / (sqrt(y_j) + sqrt(y_{j+1})) in closed form and the
 *       chord's time is exactly 2 L_j / (sqrt(2 g) (sqrt(y_j) + sqrt(y_{j+1}))), L_j its length - the true descent time
 *       of the bead along the polygon, including the first chord, where y_0 = 0. Any polygon is a curve, so its time is
 *       never below the cycloid's.</li>
 *   <li>{@link #curveTime}, for smooth candidate curves: each curve is parametrised by s in [0, 1] with y ~ s^2 at
 *       A (graphs through x = X s^2, the cycloid by theta = theta_B s), so that the integrand
 *       |c'(s)| / sqrt(2 g y(s)) is smooth and bounded at s = 0; composite two-point Gauss–Legendre (open, order 4)
 *       then converges with error ratio 16 per halving.</li>
 * </ul>
 *
 * <p>The candidates of {@link #rank()}: the cycloid; the straight line, T = sqrt(2 (X^2 + Y^2) / (g Y)) in closed
 * form; the parabola y = Y u (2 - u) and the cubic y = Y (1 - (1 - u)^3), u = x / X (both leave A downward and
 * arrive flat at B); and the numerical minimiser of {@link #polygonTime} over polygons with N equal x steps. The
 * seed's parabola Y u^2 and cubic Y u^3 leave A horizontally: from rest the bead never starts (integral dx / x
 * diverges), so their true descent times are infinite and the seed's finite values come from clamping y at 1e-12.
 */
public final class Brachistochrone {
    /** The standard gravity of the seed, 9.81. */
    public static final double G = 9.81;
    private static final double[] GAUSS = {0.5 - 0.5 / Math.sqrt(3), 0.5 + 0.5 / Math.sqrt(3)};

    private Brachistochrone() {
    }

    /** One ranked curve: its name, descent time and the ratio to the cycloid's analytic time. */
    public record Candidate(String name, double time, double ratioToCycloid) {
        public Candidate {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The ranking for B = (x, y) under gravity g.
     *
     * @param x           X
     * @param y           Y
     * @param g           gravity
     * @param cycloidTime the analytic time theta_B sqrt(r / g)
     * @param candidates  fastest first
     * @param minimiser   heights y_0 .. y_N of the numerical minimiser on N equal x steps (a copy)
     */
    public record Ranking(double x, double y, double g, double cycloidTime, List<Candidate> candidates,
                          double[] minimiser) {
        public Ranking {
            candidates = List.copyOf(candidates);
            minimiser = minimiser.clone();
        }

        @Override
        public double[] minimiser() {
            return minimiser.clone();
        }

        /** The candidate of that name, or an exception listing the names. */
        public Candidate candidate(String name) {
            return candidates.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("no candidate '" + name + "'; candidates: "
                            + candidates.stream().map(Candidate::name).toList()));
        }
    }

    /** The seed's demonstration: B = (pi, 2), g = 9.81, minimiser on 200 intervals. */
    public static Ranking rank() {
        return rank(Math.PI, 2.0, G, 200);
    }

    /**
     * Ranks the cycloid, line, parabola, cubic and the numerical minimiser (on {@code nodes} equal x steps) by
     * descent time from (0, 0) to (x, y).
     */
    public static Ranking rank(double x, double y, double g, int nodes) {
        if (!(x > 0) || !(y > 0) || !(g > 0) || nodes < 2) {
            throw new IllegalArgumentException("need X > 0, Y > 0, g > 0 and at least 2 intervals; got X = " + x
                    + ", Y = " + y + ", g = " + g + ", N = " + nodes);
        }
        int panels = 256;
        double exact = cycloidTime(x, y, g);
        double[] best = minimise(x, y, g, nodes);
        List<Candidate> list = new ArrayList<>();
        list.add(new Candidate("cycloid", curveTime(Curve.cycloid(x, y), g, panels), 0));
        list.add(new Candidate("line", lineTime(x, y, g), 0));
        list.add(new Candidate("parabola", curveTime(Curve.parabola(x, y), g, panels), 0));
        list.add(new Candidate("cubic", curveTime(Curve.cubic(x, y), g, panels), 0));
        list.add(new Candidate("minimiser", polygonTime(best, x, g), 0));
        List<Candidate> ranked = list.stream().map(c -> new Candidate(c.name(), c.time(), c.time() / exact))
                .sorted(Comparator.comparingDouble(Candidate::time)).toList();
        return new Ranking(x, y, g, exact, ranked, best);
    }

    /** theta_B of the cycloid from (0, 0) through (x, y): (theta - sin theta) / (1 - cos theta) = x / y. */
    public static double cycloidAngle(double x, double y) {
        double ratio = x / y;
        double lo = 1e-12;
        double hi = 2 * Math.PI - 1e-12;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if ((mid - Math.sin(mid)) / (1 - Math.cos(mid)) < ratio) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The analytic descent time theta_B sqrt(r / g) of the cycloid through (x, y), r = y / (1 - cos theta_B). */
    public static double cycloidTime(double x, double y, double g) {
        double theta = cycloidAngle(x, y);
        double r = y / (1 - Math.cos(theta));
        return theta * Math.sqrt(r / g);
    }

    /**
     * The straight line's time in closed form: T = L / (average speed sqrt(2 g Y) / 2) = sqrt(2 (X^2 + Y^2) / (g Y)).
     */
    public static double lineTime(double x, double y, double g) {
        return Math.sqrt(2 * (x * x + y * y) / (g * y));
    }

    /**
     * The exact descent time along the polygon through (j X / N, y_j), j = 0..N (y_0 = 0 allowed):
     * sum_j 2 L_j / (sqrt(2 g) (sqrt(y_j) + sqrt(y_{j+1}))); +infinity when a node is above A (y_j &lt;= 0, j &gt; 0).
     */
    public static double polygonTime(double[] heights, double x, double g) {
        int n = heights.length - 1;
        double dx = x / n;
        double c = 2 / Math.sqrt(2 * g);
        double t = 0;
        for (int j = 0; j < n; j++) {
            double a = heights[j];
            double b = heights[j + 1];
            if (a < 0 || !(b > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            t += c * Math.hypot(dx, b - a) / (Math.sqrt(a) + Math.sqrt(b));
        }
        return t;
    }

    /**
     * out_i = d polygonTime / d y_i for the interior nodes i = 1..N-1 (out has N - 1 entries); NaN when a node is at
     * or above A.
     */
    static void polygonGradient(double[] heights, double x, double g, double[] out) {
        int n = heights.length - 1;
        double dx = x / n;
        double c = 2 / Math.sqrt(2 * g);
        for (int i = 1; i < n; i++) {
            out[i - 1] = 0;
        }
        for (int j = 0; j < n; j++) {
            double a = heights[j];
            double b = heights[j + 1];
            if (a < 0 || !(b > 0)) {
                java.util.Arrays.fill(out, 0, n - 1, Double.NaN);
                return;
            }
            double ra = Math.sqrt(a);
            double rb = Math.sqrt(b);
            double sum = ra + rb;
            double len = Math.hypot(dx, b - a);
            double slope = (b - a) / len;
            if (j >= 1) { // d/dy_j, y_j the left end
                out[j - 1] += c * (-slope / sum - len / (sum * sum) / (2 * ra));
            }
            if (j + 1 <= n - 1) { // d/dy_{j+1}, the right end
                out[j] += c * (slope / sum - len / (sum * sum) / (2 * rb));
            }
        }
    }

    /**
     * Minimises {@link #polygonTime} over the interior heights with the ends fixed at 0 and y: Newton's method with
     * the tridiagonal Hessian (by differences of the analytic gradient), Levenberg damping where it is not positive
     * definite and backtracking that keeps every node below A (y &gt; 0) and the time decreasing; starts from the
     * line. Returns the heights y_0..y_N.
     */
    static double[] minimise(double x, double y, double g, int n) {
        double[] h = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            h[j] = y * j / n;
        }
        int d = n - 1;
        double[] grad = new double[d];
        double[] gp = new double[d];
        double[] gm = new double[d];
        double[] diag = new double[d];
        double[] lower = new double[d];
        double[] step = new double[d];
        double[] trial = new double[n + 1];
        double time = polygonTime(h, x, g);
        double lambda = 0;
        for (int it = 0; it < 500; it++) {
            polygonGradient(h, x, g, grad);
            double gnorm = 0;
            for (double v : grad) {
                gnorm = Math.max(gnorm, Math.abs(v));
            }
            if (gnorm < 1e-13) {
                break;
            }
            // tridiagonal Hessian by central differences, three colours of nodes at a time
            for (int colour = 0; colour < 3; colour++) {
                double eps = 1e-6 * y;
                for (int i = colour; i < d; i += 3) {
                    h[i + 1] += eps;
                }
                polygonGradient(h, x, g, gp);
                for (int i = colour; i < d; i += 3) {
                    h[i + 1] -= 2 * eps;
                }
                polygonGradient(h, x, g, gm);
                for (int i = colour; i < d; i += 3) {
                    h[i + 1] += eps;
                    diag[i] = (gp[i] - gm[i]) / (2 * eps);
                    if (i + 1 < d) {
                        lower[i + 1] = (gp[i + 1] - gm[i + 1]) / (2 * eps); // d g_{i+1} / d y_i
                    }
                }
            }
            boolean accepted = false;
            double previous = time;
            for (int attempt = 0; attempt < 60 && !accepted; attempt++) {
                if (solveTridiagonal(diag, lower, lambda, grad, step)) {
                    System.arraycopy(h, 0, trial, 0, n + 1);
                    for (int i = 0; i < d; i++) {
                        trial[i + 1] -= step[i];
                    }
                    double t = polygonTime(trial, x, g);
                    if (t <= time) {
                        System.arraycopy(trial, 0, h, 0, n + 1);
                        time = t;
                        lambda = lambda < 1e-9 ? 0 : lambda / 4;
                        accepted = true;
                        continue;
                    }
                }
                lambda = lambda == 0 ? 1e-6 * Math.abs(diag[0]) + 1e-12 : lambda * 4;
            }
            if (!accepted || previous - time <= 1e-15 * time) {
                break;
            }
        }
        return h;
    }

    /** Solves (H + lambda I) s = b for symmetric tridiagonal H; false when a pivot is not positive. */
    private static boolean solveTridiagonal(double[] diag, double[] lower, double lambda, double[] b, double[] s) {
        int d = diag.length;
        double[] c = new double[d];
        double pivot = diag[0] + lambda;
        if (!(pivot > 0)) {
            return false;
        }
        s[0] = b[0] / pivot;
        for (int i = 1; i < d; i++) {
            c[i - 1] = lower[i] / pivot;
            pivot = diag[i] + lambda - lower[i] * c[i - 1];
            if (!(pivot > 0)) {
                return false;
            }
            s[i] = (b[i] - lower[i] * s[i - 1]) / pivot;
        }
        for (int i = d - 2; i >= 0; i--) {
            s[i] -= c[i] * s[i + 1];
        }
        return true;
    }

    /**
     * The descent time of a smooth curve by composite two-point Gauss–Legendre on {@code panels} equal panels of
     * s in [0, 1] (order 4; the curve's parametrisation makes the integrand smooth at A).
     */
    public static double curveTime(Curve curve, double g, int panels) {
        double t = 0;
        double w = 1.0 / panels;
        double[] p = new double[4];
        for (int i = 0; i < panels; i++) {
            for (double node : GAUSS) {
                curve.at((i + node) * w, p);
                t += 0.5 * w * Math.hypot(p[2], p[3]) / Math.sqrt(2 * g * p[1]);
            }
        }
        return t;
    }

    /** A curve from (0, 0), parametrised by s in [0, 1] with y ~ s^2 at s = 0. */
    @FunctionalInterface
    public interface Curve {
        /** out = (x(s), y(s), x'(s), y'(s)). */
        void at(double s, double[] out);

        /** The cycloid through (x, y), theta = theta_B s. */
        static Curve cycloid(double x, double y) {
            double theta = cycloidAngle(x, y);
            double r = y / (1 - Math.cos(theta));
            return (s, out) -> {
                double th = theta * s;
                out[0] = r * (th - Math.sin(th));
                out[1] = r * (1 - Math.cos(th));
                out[2] = r * theta * (1 - Math.cos(th));
                out[3] = r * theta * Math.sin(th);
            };
        }

        /** The parabola y = Y u (2 - u), u = x / X (vertex at B), through x = X s^2. */
        static Curve parabola(double x, double y) {
            return graph(x, u -> y * u * (2 - u), u -> y / x * (2 - 2 * u));
        }

        /** The cubic y = Y (1 - (1 - u)^3), u = x / X (flat at B), through x = X s^2. */
        static Curve cubic(double x, double y) {
            return graph(x, u -> y * (1 - (1 - u) * (1 - u) * (1 - u)), u -> 3 * y / x * (1 - u) * (1 - u));
        }

        /** The graph of f(u), u = x / X, with slope df/dx = fp(u), leaving A with a finite downward slope. */
        static Curve graph(double x, java.util.function.DoubleUnaryOperator f,
                           java.util.function.DoubleUnaryOperator fp) {
            return (s, out) -> {
                double u = s * s;
                out[0] = x * u;
                out[1] = f.applyAsDouble(u);
                out[2] = 2 * x * s;
                out[3] = fp.applyAsDouble(u) * 2 * x * s;
            };
        }
    }
}
