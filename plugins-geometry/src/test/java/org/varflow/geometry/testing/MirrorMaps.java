package org.varflow.geometry.testing;

/** The p-norm mirror map, for tests of the mirror metric and the mirror step. */
public final class MirrorMaps {
    private MirrorMaps() {
    }

    /** grad phi(x) = |x|_p^{2-p} sign(x) |x|^{p-1} of phi = |x|_p^2 / 2. */
    public static double[] gradPhi(double[] x, double p) {
        double s = 0;
        for (double v : x) {
            s += Math.pow(Math.abs(v), p);
        }
        double n = Math.pow(s, 1 / p);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = Math.pow(n, 2 - p) * Math.signum(x[i]) * Math.pow(Math.abs(x[i]), p - 1);
        }
        return g;
    }
}
