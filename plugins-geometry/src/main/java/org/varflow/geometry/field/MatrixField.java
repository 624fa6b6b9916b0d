package org.varflow.geometry.field;

import java.util.Arrays;

/**
 * The built-in position-dependent metric tensors g(x) (symmetric positive definite d x d matrices), each with a
 * strength c &gt;= 0 (c = 0 gives the Euclidean g = I).
 */
public enum MatrixField {
    /** g(x) = I + c x x^T: lengths along the radial direction are stretched by sqrt(1 + c |x|^2). SPD for c &gt;= 0. */
    WARPED("warped", "g(x) = I + c x x^T") {
        @Override
        void fill(double[] x, double c, double[] g) {
            int d = x.length;
            for (int i = 0; i < d; i++) {
                int r = i * d;
                for (int j = 0; j < d; j++) {
                    g[r + j] = c * x[i] * x[j];
                }
                g[r + i] += 1.0;
            }
        }
    },
    /** g(x) = (1 + c |x|^2) I: a conformal metric, K = I / (1 + c |x|^2). SPD for c &gt;= 0. */
    CONFORMAL("conformal", "g(x) = (1 + c |x|^2) I") {
        @Override
        void fill(double[] x, double c, double[] g) {
            int d = x.length;
            double xx = 0;
            for (int i = 0; i < d; i++) {
                xx += x[i] * x[i];
            }
            Arrays.fill(g, 0, d * d, 0.0);
            for (int i = 0; i < d; i++) {
                g[i * d + i] = 1.0 + c * xx;
            }
        }
    },
    /**
     * g(x) tridiagonal: g_ii = 2 + x_i^2, g_{i,i+1} = g_{i+1,i} = c tanh(x_i - x_{i+1}). Strictly diagonally
     * dominant, hence SPD, for c &lt; 1 (each row's off-diagonal sum is at most 2c &lt; 2 &lt;= g_ii).
     */
    TRIDIAGONAL("tridiagonal", "g_ii = 2 + x_i^2,  g_{i,i+1} = g_{i+1,i} = c tanh(x_i - x_{i+1})  (c < 1)") {
        @Override
        void fill(double[] x, double c, double[] g) {
            int d = x.length;
            Arrays.fill(g, 0, d * d, 0.0);
            for (int i = 0; i < d; i++) {
                g[i * d + i] = 2.0 + x[i] * x[i];
                if (i + 1 < d) {
                    double o = c * Math.tanh(x[i] - x[i + 1]);
                    g[i * d + i + 1] = o;
                    g[(i + 1) * d + i] = o;
                }
            }
        }
    };

    private final String id;
    private final String formula;

    MatrixField(String id, String formula) {
        this.id = id;
        this.formula = formula;
    }

    /** The word that selects it. */
    public String id() {
        return id;
    }

    /** g(x) in words. */
    public String formula() {
        return formula;
    }

    /** g = g(x), row-major d x d (d = x.length). Must not allocate. */
    abstract void fill(double[] x, double c, double[] g);

    /** The field named {@code id}. */
    static MatrixField of(String id) {
        for (MatrixField f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
