package org.varflow.ot;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.MUL;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatRowKernels} on the Vector API (incubating in Java 17: loaded only when {@code jdk.incubator.vector} is
 * in the boot layer, see {@link FloatRowKernels#best()}). Eight float entries are widened to double (exactly) and
 * multiplied and added in double; lane l holds the partial sum of the columns j = l mod 8, a product rounded before
 * it is added (no fused multiply-add), so the numbers are bitwise the scalar ones.
 *
 * <p>Two shapes with the same lanes: where 512-bit vectors are native, one 256-bit float load widened to one 512-bit
 * double vector; else two 128-bit float loads widened to two 256-bit double vectors (lanes 0-3 and 4-7). Only the
 * first is faster than the double kernels (the widening costs about what the halved memory traffic saves on
 * 256-bit hardware); the second keeps the float option from being slower there. Arithmetic is written with
 * {@code lanewise} at call sites of this class only, scalars broadcast by the species (why: {@link VectorRowKernels}).
 */
final class VectorFloatRowKernels implements FloatRowKernels, RowKernels.VectorCapable {
    private static final VectorSpecies<Float> FLOAT8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> FLOAT4 = FloatVector.SPECIES_128;
    private static final VectorSpecies<Double> DOUBLE8 = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Double> DOUBLE4 = DoubleVector.SPECIES_256;

    private final boolean wide;

    /** The shape the hardware runs natively: 512-bit double vectors if it can. */
    VectorFloatRowKernels() {
        this(VectorShape.preferredShape().vectorBitSize() >= 512);
    }

    /** One 512-bit double vector per eight columns ({@code wide}) or two 256-bit ones (tests run both). */
    VectorFloatRowKernels(boolean wide) {
        this.wide = wide;
    }

    @Override
    public boolean usable() {
        // 256-bit vectors must be a native shape (AVX2 or wider), else the API emulates them slowly
        return VectorShape.preferredShape().vectorBitSize() >= 256;
    }

    @Override
    public void dot4(float[] k, int base, int m, double[] v, double[] out) {
        if (wide) {
            dot4Wide(k, base, m, v, out);
        } else {
            dot4Narrow(k, base, m, v, out);
        }
    }

    @Override
    public void addScaled4(float[] k, int base, int m, double u0, double u1, double u2, double u3, double[] r,
                           int off) {
        int j = wide ? addScaled4Wide(k, base, m, u0, u1, u2, u3, r, off)
                : addScaled4Narrow(k, base, m, u0, u1, u2, u3, r, off);
        int b1 = base + m;
        int b2 = b1 + m;
        int b3 = b2 + m;
        for (; j < m; j++) {
            r[off + j] += ((double) k[base + j] * u0 + (double) k[b1 + j] * u1)
                    + ((double) k[b2 + j] * u2 + (double) k[b3 + j] * u3);
        }
    }

    private static DoubleVector widen8(float[] k, int from) {
        return (DoubleVector) FloatVector.fromArray(FLOAT8, k, from).convertShape(VectorOperators.F2D, DOUBLE8, 0);
    }

    private static DoubleVector widen4(float[] k, int from) {
        return (DoubleVector) FloatVector.fromArray(FLOAT4, k, from).convertShape(VectorOperators.F2D, DOUBLE4, 0);
    }

    private static void dot4Wide(float[] k, int base, int m, double[] v, double[] out) {
        int b1 = base + m;
        int b2 = b1 + m;
        int b3 = b2 + m;
        DoubleVector s0 = DoubleVector.zero(DOUBLE8);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int j = 0;
        for (; j + 7 < m; j += 8) {
            DoubleVector vj = DoubleVector.fromArray(DOUBLE8, v, j);
            s0 = s0.lanewise(ADD, widen8(k, base + j).lanewise(MUL, vj));
            s1 = s1.lanewise(ADD, widen8(k, b1 + j).lanewise(MUL, vj));
            s2 = s2.lanewise(ADD, widen8(k, b2 + j).lanewise(MUL, vj));
            s3 = s3.lanewise(ADD, widen8(k, b3 + j).lanewise(MUL, vj));
        }
        out[0] = combine(tail(k, base, j, m, v, s0.lane(0)), s0.lane(1), s0.lane(2), s0.lane(3), s0.lane(4),
                s0.lane(5), s0.lane(6), s0.lane(7));
        out[1] = combine(tail(k, b1, j, m, v, s1.lane(0)), s1.lane(1), s1.lane(2), s1.lane(3), s1.lane(4),
                s1.lane(5), s1.lane(6), s1.lane(7));
        out[2] = combine(tail(k, b2, j, m, v, s2.lane(0)), s2.lane(1), s2.lane(2), s2.lane(3), s2.lane(4),
                s2.lane(5), s2.lane(6), s2.lane(7));
        out[3] = combine(tail(k, b3, j, m, v, s3.lane(0)), s3.lane(1), s3.lane(2), s3.lane(3), s3.lane(4),
                s3.lane(5), s3.lane(6), s3.lane(7));
    }

    private static void dot4Narrow(float[] k, int base, int m, double[] v, double[] out) {
        int b1 = base + m;
        int b2 = b1 + m;
        int b3 = b2 + m;
        DoubleVector s0 = DoubleVector.zero(DOUBLE4);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector h0 = s0;
        DoubleVector h1 = s0;
        DoubleVector h2 = s0;
        DoubleVector h3 = s0;
        int j = 0;
        for (; j + 7 < m; j += 8) {
            DoubleVector lo = DoubleVector.fromArray(DOUBLE4, v, j);
            DoubleVector hi = DoubleVector.fromArray(DOUBLE4, v, j + 4);
            s0 = s0.lanewise(ADD, widen4(k, base + j).lanewise(MUL, lo));
            h0 = h0.lanewise(ADD, widen4(k, base + j + 4).lanewise(MUL, hi));
            s1 = s1.lanewise(ADD, widen4(k, b1 + j).lanewise(MUL, lo));
            h1 = h1.lanewise(ADD, widen4(k, b1 + j + 4).lanewise(MUL, hi));
            s2 = s2.lanewise(ADD, widen4(k, b2 + j).lanewise(MUL, lo));
            h2 = h2.lanewise(ADD, widen4(k, b2 + j + 4).lanewise(MUL, hi));
            s3 = s3.lanewise(ADD, widen4(k, b3 + j).lanewise(MUL, lo));
            h3 = h3.lanewise(ADD, widen4(k, b3 + j + 4).lanewise(MUL, hi));
        }
        out[0] = combine(tail(k, base, j, m, v, s0.lane(0)), s0.lane(1), s0.lane(2), s0.lane(3), h0.lane(0),
                h0.lane(1), h0.lane(2), h0.lane(3));
        out[1] = combine(tail(k, b1, j, m, v, s1.lane(0)), s1.lane(1), s1.lane(2), s1.lane(3), h1.lane(0),
                h1.lane(1), h1.lane(2), h1.lane(3));
        out[2] = combine(tail(k, b2, j, m, v, s2.lane(0)), s2.lane(1), s2.lane(2), s2.lane(3), h2.lane(0),
                h2.lane(1), h2.lane(2), h2.lane(3));
        out[3] = combine(tail(k, b3, j, m, v, s3.lane(0)), s3.lane(1), s3.lane(2), s3.lane(3), h3.lane(0),
                h3.lane(1), h3.lane(2), h3.lane(3));
    }

    /** Lane 0's sum with the products of columns from .. m-1 added (the {@code m mod 8} left over). */
    private static double tail(float[] k, int base, int from, int m, double[] v, double s0) {
        double s = s0;
        for (int j = from; j < m; j++) {
            s += (double) k[base + j] * v[j];
        }
        return s;
    }

    private static double combine(double s0, double s1, double s2, double s3, double s4, double s5, double s6,
                                  double s7) {
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** The vector part of addScaled4 on 512-bit doubles; returns the first column left for the scalar tail. */
    private static int addScaled4Wide(float[] k, int base, int m, double u0, double u1, double u2, double u3,
                                      double[] r, int off) {
        int b1 = base + m;
        int b2 = b1 + m;
        int b3 = b2 + m;
        DoubleVector w0 = DoubleVector.broadcast(DOUBLE8, u0);
        DoubleVector w1 = DoubleVector.broadcast(DOUBLE8, u1);
        DoubleVector w2 = DoubleVector.broadcast(DOUBLE8, u2);
        DoubleVector w3 = DoubleVector.broadcast(DOUBLE8, u3);
        int j = 0;
        for (; j + 7 < m; j += 8) {
            DoubleVector first = widen8(k, base + j).lanewise(MUL, w0)
                    .lanewise(ADD, widen8(k, b1 + j).lanewise(MUL, w1));
            DoubleVector second = widen8(k, b2 + j).lanewise(MUL, w2)
                    .lanewise(ADD, widen8(k, b3 + j).lanewise(MUL, w3));
            DoubleVector.fromArray(DOUBLE8, r, off + j).lanewise(ADD, first.lanewise(ADD, second))
                    .intoArray(r, off + j);
        }
        return j;
    }

    /** The vector part of addScaled4 on 256-bit doubles; returns the first column left for the scalar tail. */
    private static int addScaled4Narrow(float[] k, int base, int m, double u0, double u1, double u2, double u3,
                                        double[] r, int off) {
        int b1 = base + m;
        int b2 = b1 + m;
        int b3 = b2 + m;
        DoubleVector w0 = DoubleVector.broadcast(DOUBLE4, u0);
        DoubleVector w1 = DoubleVector.broadcast(DOUBLE4, u1);
        DoubleVector w2 = DoubleVector.broadcast(DOUBLE4, u2);
        DoubleVector w3 = DoubleVector.broadcast(DOUBLE4, u3);
        int j = 0;
        for (; j + 3 < m; j += 4) {
            DoubleVector first = widen4(k, base + j).lanewise(MUL, w0)
                    .lanewise(ADD, widen4(k, b1 + j).lanewise(MUL, w1));
            DoubleVector second = widen4(k, b2 + j).lanewise(MUL, w2)
                    .lanewise(ADD, widen4(k, b3 + j).lanewise(MUL, w3));
            DoubleVector.fromArray(DOUBLE4, r, off + j).lanewise(ADD, first.lanewise(ADD, second))
                    .intoArray(r, off + j);
        }
        return j;
    }
}
