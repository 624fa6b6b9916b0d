/**
 * Small dense linear algebra for parts, on row-major {@code double[]} with explicit dimensions and caller-supplied
 * outputs (JDK only, allocation-free): Cholesky factor and solves, LU with partial pivoting, products, Jacobi eigen.
 */
package org.varflow.api.linalg;
