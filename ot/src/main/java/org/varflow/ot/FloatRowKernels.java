package org.varflow.ot;

/**
 * The row operations of {@link RowKernels} on a kernel stored in float, with every product and sum in double (a float
 * converts to double exactly, so only the storage is rounded):
 *
 * <pre>
 *   dot4:        out[q] = sum_j k[base + q m + j] v[j],   q = 0..3
 *   addScaled4:  r[off + j] += (k0[j] u0 + k1[j] u1) + (k2[j] u2 + k3[j] u3),   kq = row q from base
 * </pre>
 *
 * <p>Every implementation gives bitwise the same numbers: each dot product is kept as eight partial sums, lane
 * {@code j mod 8} in its own sum (a product rounded, then added), combined as ((s0 + s1) + (s2 + s3)) + ((s4 + s5)
 * + (s6 + s7)); the last {@code m mod 8} products go into s0 after the main loop ({@link #dot}). Eight lanes, not the
 * four of the double kernels, because eight floats are what one 256-bit load brings and one 512-bit double vector
 * holds. The scalar version is {@link #SCALAR}; with the Vector API the same eight lanes are one 512-bit vector, or
 * two 256-bit vectors where 512 bits are not native ({@link #best()}).
 */
interface FloatRowKernels {

    /** The dot products of rows base/m .. base/m + 3 of k with v into out[0..4). */
    void dot4(float[] k, int base, int m, double[] v, double[] out);

    /** r[off + j] += u0 k[row 0][j] + u1 k[row 1][j] + u2 k[row 2][j] + u3 k[row 3][j] for j < m, rows from base. */
    void addScaled4(float[] k, int base, int m, double u0, double u1, double u2, double u3, double[] r, int off);

    /** The plain Java kernels: eight scalar chains per row. */
    FloatRowKernels SCALAR = new Scalar();

    /**
     * The Vector API kernels when {@code jdk.incubator.vector} is in the boot layer and 256-bit vectors are native,
     * else {@link #SCALAR}; {@code -Dvarflow.vector=false} forces the scalar kernels.
     */
    static FloatRowKernels best() {
        return Selection.BEST;
    }

    /**
     * One row's dot product sum_j k[base + j] v[j] in the eight-lane order every implementation follows (the scalar
     * definition; also the sweep's rows left over after the groups of four).
     */
    static double dot(float[] k, int base, int m, double[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int j = 0;
        for (; j + 7 < m; j += 8) {
            int o = base + j;
            s0 += (double) k[o] * v[j];
            s1 += (double) k[o + 1] * v[j + 1];
            s2 += (double) k[o + 2] * v[j + 2];
            s3 += (double) k[o + 3] * v[j + 3];
            s4 += (double) k[o + 4] * v[j + 4];
            s5 += (double) k[o + 5] * v[j + 5];
            s6 += (double) k[o + 6] * v[j + 6];
            s7 += (double) k[o + 7] * v[j + 7];
        }
        for (; j < m; j++) {
            s0 += (double) k[base + j] * v[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Picks the kernels once. */
    final class Selection {
        static final FloatRowKernels BEST = select(
                Boolean.parseBoolean(System.getProperty("varflow.vector", "true")),
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());

        private Selection() {
        }

        /** The vector kernels if wanted, present and loadable, else the scalar ones. */
        static FloatRowKernels select(boolean wanted, boolean present) {
            if (!wanted || !present) {
                return SCALAR;
            }
            try {
                Class<?> c = Class.forName("org.varflow.ot.VectorFloatRowKernels");
                FloatRowKernels k = (FloatRowKernels) c.getDeclaredConstructor().newInstance();
                return ((RowKernels.VectorCapable) k).usable() ? k : SCALAR;
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                return SCALAR;
            }
        }
    }

    /** The scalar kernels. */
    final class Scalar implements FloatRowKernels {
        private Scalar() {
        }

        @Override
        public void dot4(float[] k, int base, int m, double[] v, double[] out) {
            // two rows at a time (sixteen chains): each row's eight chains see their products in the order of dot
            dot2(k, base, m, v, out, 0);
            dot2(k, base + 2 * m, m, v, out, 2);
        }

        private static void dot2(float[] k, int base, int m, double[] v, double[] out, int q) {
            int b1 = base + m;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            double s6 = 0;
            double s7 = 0;
            double t0 = 0;
            double t1 = 0;
            double t2 = 0;
            double t3 = 0;
            double t4 = 0;
            double t5 = 0;
            double t6 = 0;
            double t7 = 0;
            int j = 0;
            for (; j + 7 < m; j += 8) {
                double v0 = v[j];
                double v1 = v[j + 1];
                double v2 = v[j + 2];
                double v3 = v[j + 3];
                double v4 = v[j + 4];
                double v5 = v[j + 5];
                double v6 = v[j + 6];
                double v7 = v[j + 7];
                int o = base + j;
                int p = b1 + j;
                s0 += (double) k[o] * v0;
                s1 += (double) k[o + 1] * v1;
                s2 += (double) k[o + 2] * v2;
                s3 += (double) k[o + 3] * v3;
                s4 += (double) k[o + 4] * v4;
                s5 += (double) k[o + 5] * v5;
                s6 += (double) k[o + 6] * v6;
                s7 += (double) k[o + 7] * v7;
                t0 += (double) k[p] * v0;
                t1 += (double) k[p + 1] * v1;
                t2 += (double) k[p + 2] * v2;
                t3 += (double) k[p + 3] * v3;
                t4 += (double) k[p + 4] * v4;
                t5 += (double) k[p + 5] * v5;
                t6 += (double) k[p + 6] * v6;
                t7 += (double) k[p + 7] * v7;
            }
            for (; j < m; j++) {
                s0 += (double) k[base + j] * v[j];
                t0 += (double) k[b1 + j] * v[j];
            }
            out[q] = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
            out[q + 1] = ((t0 + t1) + (t2 + t3)) + ((t4 + t5) + (t6 + t7));
        }

        @Override
        public void addScaled4(float[] k, int base, int m, double u0, double u1, double u2, double u3,
                               double[] r, int off) {
            int b1 = base + m;
            int b2 = b1 + m;
            int b3 = b2 + m;
            for (int j = 0; j < m; j++) {
                r[off + j] += ((double) k[base + j] * u0 + (double) k[b1 + j] * u1)
                        + ((double) k[b2 + j] * u2 + (double) k[b3 + j] * u3);
            }
        }
    }
}
