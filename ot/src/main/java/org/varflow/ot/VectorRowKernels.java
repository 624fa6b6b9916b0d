package org.varflow.ot;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.MUL;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} on the Vector API (incubating in Java 17: loaded only when {@code jdk.incubator.vector} is in
 * the boot layer, see {@link RowKernels#best()}). Four lanes of 64 bits, lane l holding the partial sum of the
 * columns j = l mod 4: exactly the scalar kernels' sixteen chains, with a product rounded before it is added (no
 * fused multiply-add), so the numbers are bitwise the scalar ones.
 *
 * <p>Arithmetic is written {@code lanewise(ADD, w)} and {@code lanewise(MUL, w)}, with scalars broadcast by the
 * species, not {@code add(w)}, {@code mul(w)} or {@code mul(double)}: those are final methods of DoubleVector shared
 * by every shape, whose own virtual calls then see both the 256-bit vectors here and the 512-bit ones of
 * {@link VectorFloatRowKernels}; with that profile C2 no longer knows the exact vector class, the intrinsics fail,
 * and the sweep falls back to boxed vectors (measured: five times slower once both kernels had run in one JVM).
 * {@code lanewise} is overridden per shape, so the profile at each call site here stays one class.
 */
final class VectorRowKernels implements RowKernels, RowKernels.VectorCapable {
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_256;

    @Override
    public boolean usable() {
        // 256-bit vectors must be a native shape (AVX2 or wider), else the API emulates them slowly
        return VectorShape.preferredShape().vectorBitSize() >= 256;
    }

    @Override
    public void dot4(double[] k, int base, int m, double[] v, double[] out) {
        int b1 = base + m;
        int b2 = b1 + m;
        int b3 = b2 + m;
        DoubleVector s0 = DoubleVector.zero(LANES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int j = 0;
        for (; j + 3 < m; j += 4) {
            DoubleVector vj = DoubleVector.fromArray(LANES, v, j);
            s0 = s0.lanewise(ADD, DoubleVector.fromArray(LANES, k, base + j).lanewise(MUL, vj));
            s1 = s1.lanewise(ADD, DoubleVector.fromArray(LANES, k, b1 + j).lanewise(MUL, vj));
            s2 = s2.lanewise(ADD, DoubleVector.fromArray(LANES, k, b2 + j).lanewise(MUL, vj));
            s3 = s3.lanewise(ADD, DoubleVector.fromArray(LANES, k, b3 + j).lanewise(MUL, vj));
        }
        double t00 = s0.lane(0);
        double t10 = s1.lane(0);
        double t20 = s2.lane(0);
        double t30 = s3.lane(0);
        for (; j < m; j++) {
            double vj = v[j];
            t00 += k[base + j] * vj;
            t10 += k[b1 + j] * vj;
            t20 += k[b2 + j] * vj;
            t30 += k[b3 + j] * vj;
        }
        out[0] = (t00 + s0.lane(1)) + (s0.lane(2) + s0.lane(3));
        out[1] = (t10 + s1.lane(1)) + (s1.lane(2) + s1.lane(3));
        out[2] = (t20 + s2.lane(1)) + (s2.lane(2) + s2.lane(3));
        out[3] = (t30 + s3.lane(1)) + (s3.lane(2) + s3.lane(3));
    }

    @Override
    public void addScaled4(double[] k, int base, int m, double u0, double u1, double u2, double u3, double[] r,
                           int off) {
        int b1 = base + m;
        int b2 = b1 + m;
        int b3 = b2 + m;
        DoubleVector w0 = DoubleVector.broadcast(LANES, u0);
        DoubleVector w1 = DoubleVector.broadcast(LANES, u1);
        DoubleVector w2 = DoubleVector.broadcast(LANES, u2);
        DoubleVector w3 = DoubleVector.broadcast(LANES, u3);
        int j = 0;
        for (; j + 3 < m; j += 4) {
            DoubleVector first = DoubleVector.fromArray(LANES, k, base + j).lanewise(MUL, w0)
                    .lanewise(ADD, DoubleVector.fromArray(LANES, k, b1 + j).lanewise(MUL, w1));
            DoubleVector second = DoubleVector.fromArray(LANES, k, b2 + j).lanewise(MUL, w2)
                    .lanewise(ADD, DoubleVector.fromArray(LANES, k, b3 + j).lanewise(MUL, w3));
            DoubleVector.fromArray(LANES, r, off + j).lanewise(ADD, first.lanewise(ADD, second))
                    .intoArray(r, off + j);
        }
        for (; j < m; j++) {
            r[off + j] += (k[base + j] * u0 + k[b1 + j] * u1) + (k[b2 + j] * u2 + k[b3 + j] * u3);
        }
    }
}
