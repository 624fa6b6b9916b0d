package org.varflow.cli.law;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The Gibbs law exp(-V/T)/Z of a potential V on the line or the plane at temperature T, with Z computed by the
 * trapezoidal rule, and its free energy -T log Z: the minimum over laws rho of F(rho) = integral V d rho
 * + T integral rho log rho, the value every free-energy curve of a sampler or a Fokker-Planck flow falls to.
 *
 * <p>The window is found, not given: a grid around {@code centre} of half-width 8 {@code scale} is doubled until
 * exp(-V/T) at its edges is below e^-46 (about 1e-20) of its largest value, then trimmed to where it is above that,
 * and integrated on 4001 points (the line) or 401 x 401 (the plane). For smooth V the trapezoidal rule on a window
 * whose ends are negligible converges faster than any power of the spacing, so Z is exact to rounding in practice
 * (tested against the Gaussian's sqrt(2 pi T) and an independent Gauss-Legendre integration of the double well).
 * Points where V is undefined (NaN, or it throws) carry no weight.
 *
 * @param temperature T &gt; 0
 * @param logZ        log of the normalising constant, integral exp(-V/T)
 * @param lower       the window used (lower corner; one entry on the line, two on the plane)
 * @param upper       the window used (upper corner)
 */
public record Gibbs(double temperature, double logZ, double[] lower, double[] upper) {
    private static final double CUT = 46;
    private static final int LINE_POINTS = 4001;
    private static final int PLANE_POINTS = 401;

    public Gibbs {
        lower = lower.clone();
        upper = upper.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** The free energy of the Gibbs law, -T log Z: the smallest value F(rho) takes. */
    public double freeEnergy() {
        return -temperature * logZ;
    }

    /** The Gibbs law of V on the line, searched for around {@code centre} on the length {@code scale}. */
    public static Gibbs onLine(DoubleUnaryOperator v, double temperature, double centre, double scale) {
        check(temperature, scale);
        double half = 8 * scale;
        for (int doubling = 0; doubling < 12; doubling++, half *= 2) {
            double a = centre - half;
            double b = centre + half;
            int n = 2001;
            double[] lw = new double[n];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                lw[i] = logWeight(v, a + (b - a) * i / (n - 1), temperature);
                max = Math.max(max, lw[i]);
            }
            if (max == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (lw[0] > max - CUT || lw[n - 1] > max - CUT) {
                continue;
            }
            int first = 0;
            while (lw[first] < max - CUT) {
                first++;
            }
            int last = n - 1;
            while (lw[last] < max - CUT) {
                last--;
            }
            double lo = a + (b - a) * Math.max(0, first - 1) / (n - 1);
            double hi = a + (b - a) * Math.min(n - 1, last + 1) / (n - 1);
            return new Gibbs(temperature, logIntegral(v, temperature, lo, hi), new double[] {lo}, new double[] {hi});
        }
        throw new IllegalArgumentException("exp(-V/T) does not fall off within " + half + " of " + centre
                + ": the Gibbs law is not normalisable (or V is undefined everywhere)");
    }

    /** The Gibbs law of V on the plane, searched for around {@code centre} on the length {@code scale}. */
    public static Gibbs onPlane(ToDoubleFunction<double[]> v, double temperature, double[] centre, double scale) {
        check(temperature, scale);
        double half = 8 * scale;
        int n = 201;
        double[] p = new double[2];
        for (int doubling = 0; doubling < 12; doubling++, half *= 2) {
            double[] lo = {centre[0] - half, centre[1] - half};
            double h = 2 * half / (n - 1);
            double max = Double.NEGATIVE_INFINITY;
            double edge = Double.NEGATIVE_INFINITY;
            int[] rows = {Integer.MAX_VALUE, -1};
            int[] cols = {Integer.MAX_VALUE, -1};
            double[][] lw = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    p[0] = lo[0] + i * h;
                    p[1] = lo[1] + j * h;
                    lw[i][j] = logWeight(v, p, temperature);
                    max = Math.max(max, lw[i][j]);
                    if (i == 0 || j == 0 || i == n - 1 || j == n - 1) {
                        edge = Math.max(edge, lw[i][j]);
                    }
                }
            }
            if (max == Double.NEGATIVE_INFINITY || edge > max - CUT) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (lw[i][j] >= max - CUT) {
                        rows[0] = Math.min(rows[0], i);
                        rows[1] = Math.max(rows[1], i);
                        cols[0] = Math.min(cols[0], j);
                        cols[1] = Math.max(cols[1], j);
                    }
                }
            }
            double[] a = {lo[0] + Math.max(0, rows[0] - 1) * h, lo[1] + Math.max(0, cols[0] - 1) * h};
            double[] b = {lo[0] + Math.min(n - 1, rows[1] + 1) * h, lo[1] + Math.min(n - 1, cols[1] + 1) * h};
            return new Gibbs(temperature, logIntegral(v, temperature, a, b), a, b);
        }
        throw new IllegalArgumentException("exp(-V/T) does not fall off within " + half + " of the centre: the"
                + " Gibbs law is not normalisable (or V is undefined everywhere)");
    }

    /**
     * The Gibbs law of a density on the cells of a grid: Z = sum_i exp(-V(c_i)/T) |cell|, the normalising constant of
     * the discrete law that minimises the grid's free energy sum_i (V(c_i) rho_i + T rho_i log rho_i) |cell|.
     */
    public static Gibbs onCells(double[] potentialAtCentres, double cellVolume, double temperature, double lower,
                                double upper) {
        check(temperature, 1);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : potentialAtCentres) {
            if (Double.isFinite(v)) {
                max = Math.max(max, -v / temperature);
            }
        }
        double z = 0;
        for (double v : potentialAtCentres) {
            if (Double.isFinite(v)) {
                z += Math.exp(-v / temperature - max);
            }
        }
        return new Gibbs(temperature, max + Math.log(z * cellVolume), new double[] {lower}, new double[] {upper});
    }

    /** The density exp(-V(x)/T)/Z at x. */
    public double density(double potential) {
        return Math.exp(-potential / temperature - logZ);
    }

    private static double logIntegral(DoubleUnaryOperator v, double t, double a, double b) {
        int n = LINE_POINTS;
        double h = (b - a) / (n - 1);
        double[] lw = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lw[i] = logWeight(v, a + i * h, t);
            max = Math.max(max, lw[i]);
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (i == 0 || i == n - 1 ? 0.5 : 1) * Math.exp(lw[i] - max);
        }
        return max + Math.log(s * h);
    }

    private static double logIntegral(ToDoubleFunction<double[]> v, double t, double[] a, double[] b) {
        int n = PLANE_POINTS;
        double hx = (b[0] - a[0]) / (n - 1);
        double hy = (b[1] - a[1]) / (n - 1);
        double[][] lw = new double[n][n];
        double max = Double.NEGATIVE_INFINITY;
        double[] p = new double[2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[0] = a[0] + i * hx;
                p[1] = a[1] + j * hy;
                lw[i][j] = logWeight(v, p, t);
                max = Math.max(max, lw[i][j]);
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            double wi = i == 0 || i == n - 1 ? 0.5 : 1;
            for (int j = 0; j < n; j++) {
                s += wi * (j == 0 || j == n - 1 ? 0.5 : 1) * Math.exp(lw[i][j] - max);
            }
        }
        return max + Math.log(s * hx * hy);
    }

    private static double logWeight(DoubleUnaryOperator v, double x, double t) {
        try {
            double e = v.applyAsDouble(x);
            return Double.isFinite(e) ? -e / t : Double.NEGATIVE_INFINITY;
        } catch (RuntimeException outside) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    private static double logWeight(ToDoubleFunction<double[]> v, double[] x, double t) {
        try {
            double e = v.applyAsDouble(x);
            return Double.isFinite(e) ? -e / t : Double.NEGATIVE_INFINITY;
        } catch (RuntimeException outside) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    private static void check(double temperature, double scale) {
        if (!(temperature > 0) || !Double.isFinite(temperature) || !(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("a Gibbs law needs T > 0 and a length scale > 0, got T = "
                    + temperature + ", scale = " + scale);
        }
    }
}
