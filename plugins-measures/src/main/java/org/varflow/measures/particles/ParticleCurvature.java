package org.varflow.measures.particles;

/**
 * Implemented by ensemble energies that can give the diagonal of their Hessian cheaply (the implicit schemes use it
 * as the energy's part of a tridiagonal Newton matrix). Must not allocate.
 */
public interface ParticleCurvature {

    /** out_i = d^2 E / d x_i^2 (i over all N d coordinates), or a positive semi-definite approximation of it. */
    void curvatureDiagonal(double[] x, double[] out);
}
