package org.varflow.measures.grid;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StencilKernels} on the Vector API (incubating in Java 17: loaded only when {@code jdk.incubator.vector} is
 * in the boot layer, see {@link StencilKernels#best()}): the scalar kernels' operations lane by lane, the clamp a
 * blend where v &lt; 0 (false for -0 and NaN, as the scalar comparison), so the cells are bitwise the scalar ones.
 */
final class VectorStencilKernels implements StencilKernels, java.util.function.BooleanSupplier {
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

    /** Whether the preferred vectors are native and at least 256 bits (else the API would be slower than scalar). */
    @Override
    public boolean getAsBoolean() {
        return VectorShape.preferredShape().vectorBitSize() >= 256;
    }

    @Override
    public void fluxes(double[] x, int len, double[] fw, double[] bw, int lo, double[] f) {
        int faces = len - 1;
        int i = 0;
        for (int end = LANES.loopBound(faces); i < end; i += LANES.length()) {
            DoubleVector.fromArray(LANES, fw, lo + i).mul(DoubleVector.fromArray(LANES, x, i))
                    .sub(DoubleVector.fromArray(LANES, bw, lo + i).mul(DoubleVector.fromArray(LANES, x, i + 1)))
                    .intoArray(f, i);
        }
        for (; i < faces; i++) {
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
        DoubleVector zero = DoubleVector.zero(LANES);
        int i = 1;
        // cells 1 .. len - 2 read f[i - 1] and f[i]: both within f[0, len - 1)
        for (int end = 1 + LANES.loopBound(len - 2); i < end; i += LANES.length()) {
            DoubleVector rate = zero.add(DoubleVector.fromArray(LANES, f, i - 1))
                    .sub(DoubleVector.fromArray(LANES, f, i));
            DoubleVector w = DoubleVector.fromArray(LANES, x, i).add(rate.mul(piece));
            w.blend(zero, w.lt(zero)).intoArray(x, i);
        }
        for (; i < len - 1; i++) {
            v = x[i] + piece * ((0.0 + f[i - 1]) - f[i]);
            x[i] = v < 0 ? 0 : v;
        }
        v = x[len - 1] + piece * (0.0 + f[len - 2]);
        x[len - 1] = v < 0 ? 0 : v;
    }
}
