package org.varflow.serve.runs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Parameters;
import org.varflow.api.PartChoice;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.registry.PartRegistry;

/**
 * The server's limits on one run, checked with messages that name the value, the limit and the option that sets it.
 * The state size (particles x coordinates) is checked twice: estimated from the space's size parameters before
 * assembly (so that a huge ensemble is not even allocated) and exactly after it; particles and steps after assembly,
 * so that a composition's own mistake gets the CLI's message first.
 */
final class RunChecks {
    /** The space parameters that multiply into its state size (dimension, particles, cells, nodes). */
    static final Set<String> SIZE_PARAMETERS = Set.of("dimension", "n", "d", "cells", "nodes");

    /** Observations a run makes at least, when its spec sets {@code every}. */
    static final int MIN_OBSERVATIONS = 20;

    private RunChecks() {
    }

    /** What must be refused before anything is allocated: a state too large, observations too rare. */
    static void beforeAssembly(FlowSpec spec, RunLimits limits, PartRegistry registry) {
        long steps = spec.stepCount();
        if (spec.every() != null && spec.every() > Math.max(1, steps / MIN_OBSERVATIONS)) {
            throw new ConfigurationException("every = " + spec.every() + " observes fewer than " + MIN_OBSERVATIONS
                    + " times in " + steps + " steps; the explorer needs at least " + MIN_OBSERVATIONS
                    + " observations to draw the run and to stop it in time (a run stops at an observation):"
                    + " give every <= " + Math.max(1, steps / MIN_OBSERVATIONS) + ", or leave it out");
        }
        long estimate = saturatingTimes(spec.particles(), spaceSize(spec.part(PartKind.SPACE), registry));
        if (estimate > limits.maxStateValues()) {
            throw tooLarge(estimate, spec.particles(), limits);
        }
    }

    /** The limits on a flow that assembles (so that a composition's own mistake is reported first, as the CLI does). */
    static void afterAssembly(AssembledFlow assembled, RunLimits limits) {
        FlowSpec spec = assembled.spec();
        if (spec.particles() > limits.maxParticles()) {
            throw new ConfigurationException("particles = " + spec.particles() + " is more than this server allows ("
                    + limits.maxParticles() + ", varflow serve --max-particles); give at most "
                    + limits.maxParticles());
        }
        if (spec.stepCount() > limits.maxSteps()) {
            throw new ConfigurationException("steps = " + spec.stepCount() + (spec.time() == null ? "" : " (time "
                    + spec.time() + " / dt " + spec.dt() + ")") + " is more than this server allows ("
                    + limits.maxSteps() + ", varflow serve --max-steps); take fewer steps or a larger dt");
        }
        long values = (long) spec.particles() * assembled.flow().dimension();
        if (values > limits.maxStateValues()) {
            throw tooLarge(values, spec.particles(), limits);
        }
    }

    private static ConfigurationException tooLarge(long values, int particles, RunLimits limits) {
        return new ConfigurationException("the state has " + values + " values (particles x coordinates" + (particles
                > 1 ? ", " + particles + " particles" : "") + "), more than this server allows ("
                + limits.maxStateValues() + ", varflow serve --max-state); make the space or the ensemble smaller");
    }

    /** The product of the space's size parameters (its own message if they are invalid). */
    private static long spaceSize(PartChoice choice, PartRegistry registry) {
        PartFactory<?> f = registry.factory(PartKind.SPACE, choice.id());
        Map<String, Object> values = Parameters.resolve(PartKind.SPACE + " '" + choice.id() + "'", f.parameters(),
                choice.params()).asMap();
        long size = 1;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!SIZE_PARAMETERS.contains(e.getKey())) {
                continue;
            }
            if (e.getValue() instanceof Number n) {
                size = saturatingTimes(size, Math.max(1, n.longValue()));
            } else if (e.getValue() instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Number n) {
                        size = saturatingTimes(size, Math.max(1, (long) n.doubleValue()));
                    }
                }
            }
        }
        return size;
    }

    private static long saturatingTimes(long a, long b) {
        long r = a * b;
        return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE : r;
    }
}
