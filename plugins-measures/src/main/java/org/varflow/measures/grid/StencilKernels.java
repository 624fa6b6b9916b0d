package org.varflow.measures.grid;

/**
 * The two passes of a frozen-face substep ({@link FrozenFaceSubsteps}) on a window of len cells held in x[0, len):
 *
 * <pre>
 *   fluxes:  f[i] = fw[lo + i] x[i] - bw[lo + i] x[i + 1],   i = 0 .. len - 2
 *   cells:   x[i] = v &lt; 0 ? 0 : v,   v = x[i] + h ((0 + f[i - 1]) - f[i])   (f[-1], f[len - 1] absent)
 * </pre>
 *
 * Every implementation gives bitwise the same numbers: each cell by the same operations, a product rounded before it
 * is added (no fused multiply-add), and the clamp keeps -0 and NaN as they are (a NaN must reach the runner's check).
 * The scalar kernels are {@link #SCALAR}; with the Vector API ({@code --add-modules jdk.incubator.vector}) the same
 * operations run on whole vectors ({@link #best()}): the JIT does not vectorise the scalar clamp.
 */
interface StencilKernels {

    /** The face fluxes of the window: f[i] for i in [0, len - 1), with the coefficients of faces lo + i. */
    void fluxes(double[] x, int len, double[] fw, double[] bw, int lo, double[] f);

    /** The cells' update from the fluxes, clamped at 0. */
    void cells(double[] x, int len, double[] f, double piece);

    /** The plain Java kernels. */
    StencilKernels SCALAR = new Scalar();

    /**
     * The Vector API kernels when {@code jdk.incubator.vector} is in the boot layer and vectors of at least 256 bits
     * are native, else {@link #SCALAR}; {@code -Dvarflow.vector=false} forces the scalar kernels.
     */
    static StencilKernels best() {
        return Selection.BEST;
    }

    /** Picks the kernels once. */
    final class Selection {
        static final StencilKernels BEST = select(Boolean.parseBoolean(System.getProperty("varflow.vector", "true")),
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());

        private Selection() {
        }

        /** The vector kernels if wanted, present, loadable and native here, else the scalar ones. */
        static StencilKernels select(boolean wanted, boolean present) {
            if (!wanted || !present) {
                return SCALAR;
            }
            try {
                Class<?> c = Class.forName("org.varflow.measures.grid.VectorStencilKernels");
                StencilKernels k = (StencilKernels) c.getDeclaredConstructor().newInstance();
                return ((java.util.function.BooleanSupplier) k).getAsBoolean() ? k : SCALAR;
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                return SCALAR;
            }
        }
    }

    /** The scalar kernels. */
    final class Scalar implements StencilKernels {
        private Scalar() {
        }

        @Override
        public void fluxes(double[] x, int len, double[] fw, double[] bw, int lo, double[] f) {
            for (int i = 0; i < len - 1; i++) {
                f[i] = fw[lo + i] * x[i] - bw[lo + i] * x[i + 1];
            }
        }

        @Override
        public void cells(double[] x, int len, double[] f, double piece) {
            if (len == 1) {
                return;
            }
            double v = x[0] + piece * (0.0 - f[0]);
            x[0] = v < 0 ? 0 : v;
            for (int i = 1; i < len - 1; i++) {
                v = x[i] + piece * ((0.0 + f[i - 1]) - f[i]);
                x[i] = v < 0 ? 0 : v;
            }
            v = x[len - 1] + piece * (0.0 + f[len - 2]);
            x[len - 1] = v < 0 ? 0 : v;
        }
    }
}
