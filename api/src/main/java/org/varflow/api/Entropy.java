package org.varflow.api;

/**
 * How much spreading, at what weight: the term beta^-1 integral rho log rho of the free energy
 * F(rho) = integral E d rho + beta^-1 integral rho log rho.
 *
 * <p>At the level of samples the entropy appears as noise: the noise part reads its temperature beta^-1 from
 * here, so fluctuation and dissipation match by construction (noise covariance 2 beta^-1 K h).
 */
public interface Entropy {

    /** The inverse temperature beta; {@code Double.POSITIVE_INFINITY} when there is no entropy term. */
    double beta();

    /** The temperature beta^-1 at time t (constant by default; schedules override this). */
    default double temperatureAt(double t) {
        double b = beta();
        return Double.isInfinite(b) ? 0.0 : 1.0 / b;
    }

    /** Whether there is no entropy term at all (zero temperature for all times). */
    default boolean isNone() {
        return Double.isInfinite(beta());
    }
}
