package org.varflow.api;

/**
 * What decreases: E(x), with its differential dE(x) (the gradient in coordinates).
 *
 * <p>Created per run for one space; safe for concurrent use by several particle blocks (no mutable state in
 * {@link #value} and {@link #gradient}). {@code out} never aliases {@code x}.
 */
public interface Energy {

    /**
     * An energy from two functions, for energies written where they are used (a test, a notebook):
     *
     * <pre>{@code
     * Energy doubleWell = Energy.of(x -> Math.pow(x[0] * x[0] - 1, 2) / 4,
     *                               (x, g) -> g[0] = x[0] * (x[0] * x[0] - 1));
     * }</pre>
     *
     * Both functions must be safe to call from several threads at once and should not allocate.
     *
     * @param value    E(x)
     * @param gradient writes dE(x) into its second argument
     */
    static Energy of(java.util.function.ToDoubleFunction<double[]> value,
                     java.util.function.BiConsumer<double[], double[]> gradient) {
        java.util.Objects.requireNonNull(value, "value");
        java.util.Objects.requireNonNull(gradient, "gradient");
        return new Energy() {
            @Override
            public double value(double[] x) {
                return value.applyAsDouble(x);
            }

            @Override
            public void gradient(double[] x, double[] out) {
                gradient.accept(x, out);
            }
        };
    }

    /** E(x). */
    double value(double[] x);

    /** out = dE(x), the vector of partial derivatives. */
    void gradient(double[] x, double[] out);

    /** Writes dE(x) into {@code gradient} and returns E(x); override when the two share work. */
    default double valueAndGradient(double[] x, double[] gradient) {
        gradient(x, gradient);
        return value(x);
    }

    /**
     * out = Hess E(x), row-major d x d. The default differentiates {@link #gradient} by central differences
     * (step 1e-5 scaled by |x_i|) and symmetrises; energies with a closed-form Hessian should override it.
     * Used by implicit schemes' inner Newton solves, not on explicit hot paths.
     */
    default void hessian(double[] x, double[] out) {
        int d = x.length;
        double[] xp = x.clone();
        double[] gp = new double[d];
        double[] gm = new double[d];
        for (int j = 0; j < d; j++) {
            double h = 1e-5 * Math.max(1.0, Math.abs(x[j]));
            xp[j] = x[j] + h;
            gradient(xp, gp);
            xp[j] = x[j] - h;
            gradient(xp, gm);
            xp[j] = x[j];
            for (int i = 0; i < d; i++) {
                out[i * d + j] = (gp[i] - gm[i]) / (2 * h);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (out[i * d + j] + out[j * d + i]);
                out[i * d + j] = s;
                out[j * d + i] = s;
            }
        }
    }
}
