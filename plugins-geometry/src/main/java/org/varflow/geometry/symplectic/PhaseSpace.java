package org.varflow.geometry.symplectic;

import org.varflow.api.Energy;
import org.varflow.api.RandomStream;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;
import org.varflow.api.init.StartingLaw;

/**
 * Phase space T*R^n = R^n x R^n of a mechanical system: the state is x = (q, p), positions q_1..q_n first, then
 * momenta p_1..p_n, so the dimension is 2n. It is built over the configuration space R^n: energies are chosen and
 * parameterised on {@link #base()} (kind {@value Space#EUCLIDEAN}, dimension n, starting at q0) and {@link #lift
 * lifted} to the Hamiltonian
 *
 * <pre>
 *   H(q, p) = E(q) + |p|^2 / 2m
 * </pre>
 *
 * with one scalar mass m for every coordinate. Immutable; one instance per run.
 */
public final class PhaseSpace implements Space {
    /** The space kind. */
    public static final String KIND = SpaceKinds.PHASE_SPACE;

    private final int n;
    private final double[] q0;
    private final double[] p0;
    private final double mass;
    private final Space base;
    private final StartingLaw positions;

    /**
     * @param q0   starting positions (length n &gt;= 1)
     * @param p0   starting momenta (length n)
     * @param mass the mass m &gt; 0
     */
    public PhaseSpace(double[] q0, double[] p0, double mass) {
        this(q0, p0, mass, null);
    }

    /**
     * @param positions the law each particle's positions are drawn from, or null: every particle starts at q0
     */
    public PhaseSpace(double[] q0, double[] p0, double mass, StartingLaw positions) {
        if (q0.length < 1 || p0.length != q0.length) {
            throw new IllegalArgumentException("q0 and p0 must have the same length n >= 1 (got " + q0.length + " and "
                    + p0.length + ")");
        }
        if (!(mass > 0) || Double.isInfinite(mass)) {
            throw new IllegalArgumentException("mass = " + mass + " must be finite and > 0");
        }
        this.n = q0.length;
        this.q0 = q0.clone();
        this.p0 = p0.clone();
        this.mass = mass;
        this.base = new Configuration(n, this.q0);
        this.positions = positions;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int dimension() {
        return 2 * n;
    }

    /** The number n of degrees of freedom (positions), half the dimension. */
    public int degreesOfFreedom() {
        return n;
    }

    /** The mass m of H = E(q) + |p|^2 / 2m. */
    public double mass() {
        return mass;
    }

    @Override
    public double[] initialState() {
        double[] x = new double[2 * n];
        System.arraycopy(q0, 0, x, 0, n);
        System.arraycopy(p0, 0, x, n, n);
        return x;
    }

    /** Positions from the starting law (when there is one), momenta p0. */
    @Override
    public void initialState(int particle, int particles, RandomStream rng, double[] out) {
        if (positions == null) {
            System.arraycopy(q0, 0, out, 0, n);
        } else {
            positions.draw(particle, particles, rng, out);
        }
        System.arraycopy(p0, 0, out, n, n);
    }

    /** The configuration space R^n on which energies are written, starting at q0. */
    @Override
    public Space base() {
        return base;
    }

    /** H(q, p) = E(q) + |p|^2 / 2m for an energy E on {@link #base()}. */
    @Override
    public Energy lift(Energy baseEnergy) {
        return new Hamiltonian(baseEnergy, n, mass);
    }

    @Override
    public String coordinateName(int i) {
        return i < n ? "q" + (i + 1) : "p" + (i - n + 1);
    }

    /** R^n, the configuration space. */
    private record Configuration(int dimension, double[] q0) implements Space {
        @Override
        public String kind() {
            return EUCLIDEAN;
        }

        @Override
        public double[] initialState() {
            return q0.clone();
        }

        @Override
        public String coordinateName(int i) {
            return "q" + (i + 1);
        }
    }
}
