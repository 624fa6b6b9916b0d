package org.varflow;

import java.util.Arrays;
import java.util.Objects;

/**
 * One observation of a running flow, for drawing while it runs: the step, the time, the (ensemble mean) energy and
 * free energy, and a copy of the states.
 *
 * @param step       steps taken so far (0 for the initial state)
 * @param time       the time reached
 * @param energy     the mean energy of the states
 * @param freeEnergy the free energy (NaN when undefined)
 * @param particles  the number of particles in {@link #states()} (the first ones of the run, at most the
 *                   builder's frame size; they are independent, so a prefix is a random subsample)
 * @param dimension  coordinates d of one particle
 * @param states     the states, row-major particles x d (a copy on the way in and out)
 */
public record Frame(long step, double time, double energy, double freeEnergy, int particles, int dimension,
                    double[] states) {
    public Frame {
        Objects.requireNonNull(states, "states");
        if (states.length != (long) particles * dimension) {
            throw new IllegalArgumentException("states has " + states.length + " values, expected " + particles
                    + " x " + dimension);
        }
        states = states.clone();
    }

    @Override
    public double[] states() {
        return states.clone();
    }

    /** Coordinate {@code i} of particle {@code p}. */
    public double coordinate(int p, int i) {
        return states[p * dimension + i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && step == f.step && Double.compare(time, f.time) == 0
                && Double.compare(energy, f.energy) == 0 && Double.compare(freeEnergy, f.freeEnergy) == 0
                && particles == f.particles && dimension == f.dimension && Arrays.equals(states, f.states);
    }

    @Override
    public int hashCode() {
        return Objects.hash(step, time, energy, freeEnergy, particles, dimension, Arrays.hashCode(states));
    }

    @Override
    public String toString() {
        return "Frame[step=" + step + ", time=" + time + ", energy=" + energy + ", particles=" + particles + "]";
    }
}
