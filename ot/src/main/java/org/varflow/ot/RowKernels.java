package org.varflow.ot;

/**
 * The two row operations of a Sinkhorn scaling sweep over a row-major n x m kernel k, four rows at a time:
 *
 * <pre>
 *   dot4:        out[q] = sum_j k[base + q m + j] v[j],   q = 0..3
 *   addScaled4:  r[off + j] += (k0[j] u0 + k1[j] u1) + (k2[j] u2 + k3[j] u3),   kq = row q from base
 * </pre>
 *
 * <p>Every implementation gives bitwise the same numbers: each dot product is kept as four partial sums, lane
 * {@code j mod 4} in its own sum (a product rounded, then added), combined as (s0 + s1) + (s2 + s3); the last
 * {@code m mod 4} products go into s0 after the main loop. The scalar version is {@link #SCALAR}; with the Vector API
 * ({@code --add-modules jdk.incubator.vector}) the same four lanes are one 256-bit vector ({@link #best()}).
 */
interface RowKernels {

    /** The dot products of rows base/m .. base/m + 3 of k with v into out[0..4). */
    void dot4(double[] k, int base, int m, double[] v, double[] out);

    /** r[off + j] += u0 k[row 0][j] + u1 k[row 1][j] + u2 k[row 2][j] + u3 k[row 3][j] for j < m, rows from base. */
    void addScaled4(double[] k, int base, int m, double u0, double u1, double u2, double u3, double[] r, int off);

    /** The plain Java kernels: sixteen independent scalar chains (the JIT does not vectorise reductions). */
    RowKernels SCALAR = new Scalar();

    /**
     * The Vector API kernels when {@code jdk.incubator.vector} is in the boot layer and 256-bit vectors are native,
     * else {@link #SCALAR}; {@code -Dvarflow.vector=false} forces the scalar kernels.
     */
    static RowKernels best() {
        return Selection.BEST;
    }

    /** Picks the kernels once. */
    final class Selection {
        static final RowKernels BEST = select(Boolean.parseBoolean(System.getProperty("varflow.vector", "true")),
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());

        private Selection() {
        }

        /** The vector kernels if wanted, present and loadable, else the scalar ones. */
        static RowKernels select(boolean wanted, boolean present) {
            if (!wanted || !present) {
                return SCALAR;
            }
            try {
                Class<?> c = Class.forName("org.varflow.ot.VectorRowKernels");
                RowKernels k = (RowKernels) c.getDeclaredConstructor().newInstance();
                return ((VectorCapable) k).usable() ? k : SCALAR;
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                return SCALAR;
            }
        }
    }

    /** Implemented by kernels that depend on the hardware. */
    interface VectorCapable {
        /** Whether the vectors are native here (not emulated, which would be slower than scalar code). */
        boolean usable();
    }

    /** The scalar kernels. */
    final class Scalar implements RowKernels {
        private Scalar() {
        }

        @Override
        public void dot4(double[] k, int base, int m, double[] v, double[] out) {
            int b1 = base + m;
            int b2 = b1 + m;
            int b3 = b2 + m;
            double s00 = 0;
            double s01 = 0;
            double s02 = 0;
            double s03 = 0;
            double s10 = 0;
            double s11 = 0;
            double s12 = 0;
            double s13 = 0;
            double s20 = 0;
            double s21 = 0;
            double s22 = 0;
            double s23 = 0;
            double s30 = 0;
            double s31 = 0;
            double s32 = 0;
            double s33 = 0;
            int j = 0;
            for (; j + 3 < m; j += 4) {
                double v0 = v[j];
                double v1 = v[j + 1];
                double v2 = v[j + 2];
                double v3 = v[j + 3];
                s00 += k[base + j] * v0;
                s01 += k[base + j + 1] * v1;
                s02 += k[base + j + 2] * v2;
                s03 += k[base + j + 3] * v3;
                s10 += k[b1 + j] * v0;
                s11 += k[b1 + j + 1] * v1;
                s12 += k[b1 + j + 2] * v2;
                s13 += k[b1 + j + 3] * v3;
                s20 += k[b2 + j] * v0;
                s21 += k[b2 + j + 1] * v1;
                s22 += k[b2 + j + 2] * v2;
                s23 += k[b2 + j + 3] * v3;
                s30 += k[b3 + j] * v0;
                s31 += k[b3 + j + 1] * v1;
                s32 += k[b3 + j + 2] * v2;
                s33 += k[b3 + j + 3] * v3;
            }
            for (; j < m; j++) {
                double vj = v[j];
                s00 += k[base + j] * vj;
                s10 += k[b1 + j] * vj;
                s20 += k[b2 + j] * vj;
                s30 += k[b3 + j] * vj;
            }
            out[0] = (s00 + s01) + (s02 + s03);
            out[1] = (s10 + s11) + (s12 + s13);
            out[2] = (s20 + s21) + (s22 + s23);
            out[3] = (s30 + s31) + (s32 + s33);
        }

        @Override
        public void addScaled4(double[] k, int base, int m, double u0, double u1, double u2, double u3,
                               double[] r, int off) {
            int b1 = base + m;
            int b2 = b1 + m;
            int b3 = b2 + m;
            for (int j = 0; j < m; j++) {
                r[off + j] += (k[base + j] * u0 + k[b1 + j] * u1) + (k[b2 + j] * u2 + k[b3 + j] * u3);
            }
        }
    }
}
