package org.varflow.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A complete description of one run: which part fills each of the six slots (with parameters), how long to run,
 * the step, the seed and the number of independent particles. The same schema is read from spec files.
 *
 * <p>Exactly one of {@code steps} and {@code time} is set; the other is null. Values are checked here, so an
 * invalid spec never reaches a run.
 *
 * @param preset    the preset it started from, or null
 * @param parts     one choice for each {@link PartKind}
 * @param steps     number of steps, or null when {@code time} is given
 * @param time      final time, or null when {@code steps} is given (steps = ceil(time / dt))
 * @param dt        step length h &gt; 0
 * @param seed      seed of all random streams
 * @param particles number N &gt;= 1 of independent copies run side by side
 * @param every     observe (and record) every k-th step, or null for automatic (about 1000 records per run)
 */
public record FlowSpec(String preset, Map<PartKind, PartChoice> parts, Long steps, Double time, double dt,
                       long seed, int particles, Integer every) {

    /** The largest number of steps a run may take. */
    public static final long MAX_STEPS = 1_000_000_000L;

    public FlowSpec {
        Objects.requireNonNull(parts, "parts");
        EnumMap<PartKind, PartChoice> copy = new EnumMap<>(PartKind.class);
        copy.putAll(parts);
        for (PartKind kind : PartKind.values()) {
            if (!copy.containsKey(kind) || copy.get(kind) == null) {
                throw new ConfigurationException("the flow has no " + kind + " part; choose one of the registered "
                        + kind + " parts");
            }
        }
        parts = Collections.unmodifiableMap(copy);
        if ((steps == null) == (time == null)) {
            throw new ConfigurationException("give exactly one of steps and time (got "
                    + (steps == null ? "neither" : "both") + ")");
        }
        if (steps != null && (steps < 0 || steps > MAX_STEPS)) {
            throw new ConfigurationException("steps = " + steps + " is not valid; expected a whole number in [0, "
                    + MAX_STEPS + "]");
        }
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new ConfigurationException("dt = " + dt + " is not valid; expected a finite real number > 0");
        }
        if (time != null) {
            if (!(time >= 0) || !Double.isFinite(time)) {
                throw new ConfigurationException("time = " + time + " is not valid; expected a finite real number"
                        + " >= 0");
            }
            if (Math.ceil(time / dt) > MAX_STEPS) {
                throw new ConfigurationException("time / dt = " + time + " / " + dt + " needs more than " + MAX_STEPS
                        + " steps; take a larger dt or a shorter time");
            }
        }
        if (particles < 1) {
            throw new ConfigurationException("particles = " + particles + " is not valid; expected a whole number"
                    + " >= 1");
        }
        if (every != null && every < 1) {
            throw new ConfigurationException("every = " + every + " is not valid; expected a whole number >= 1");
        }
    }

    /** The choice for one slot. */
    public PartChoice part(PartKind kind) {
        return parts.get(kind);
    }

    /** The number of steps the run takes: {@code steps}, or ceil(time / dt) (within rounding) when time is given. */
    public long stepCount() {
        if (steps != null) {
            return steps;
        }
        double n = time / dt;
        long rounded = Math.round(n);
        return Math.abs(n - rounded) < 1e-9 * Math.max(1.0, n) ? rounded : (long) Math.ceil(n);
    }

    public FlowSpec withPreset(String id) {
        return new FlowSpec(id, parts, steps, time, dt, seed, particles, every);
    }

    /** Replaces a slot; parameters given for the previous part are dropped when the id changes. */
    public FlowSpec withPart(PartKind kind, String id) {
        PartChoice old = parts.get(kind);
        PartChoice next = old != null && old.id().equals(id) ? old : PartChoice.of(id);
        return withPart(kind, next);
    }

    public FlowSpec withPart(PartKind kind, PartChoice choice) {
        EnumMap<PartKind, PartChoice> copy = new EnumMap<>(parts);
        copy.put(kind, choice);
        return new FlowSpec(preset, copy, steps, time, dt, seed, particles, every);
    }

    /** Sets one parameter of the part in a slot. */
    public FlowSpec withParam(PartKind kind, String name, Object value) {
        return withPart(kind, parts.get(kind).with(name, value));
    }

    public FlowSpec withSteps(long n) {
        return new FlowSpec(preset, parts, n, null, dt, seed, particles, every);
    }

    public FlowSpec withTime(double t) {
        return new FlowSpec(preset, parts, null, t, dt, seed, particles, every);
    }

    public FlowSpec withDt(double h) {
        return new FlowSpec(preset, parts, steps, time, h, seed, particles, every);
    }

    public FlowSpec withSeed(long s) {
        return new FlowSpec(preset, parts, steps, time, dt, s, particles, every);
    }

    public FlowSpec withParticles(int n) {
        return new FlowSpec(preset, parts, steps, time, dt, seed, n, every);
    }

    public FlowSpec withEvery(Integer k) {
        return new FlowSpec(preset, parts, steps, time, dt, seed, particles, k);
    }
}
