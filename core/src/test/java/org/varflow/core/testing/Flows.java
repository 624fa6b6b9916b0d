package org.varflow.core.testing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.core.CorePlugin;
import org.varflow.Varflow;

/** Specs and summary look-ups shared by the core tests. */
public final class Flows {
    private Flows() {
    }

    /** Core plus the test parts, without looking at the classpath. */
    public static Varflow varflow() {
        return Varflow.of(List.of(new CorePlugin(), new TestParts()));
    }

    /**
     * A deterministic gradient flow of the quadratic energy on R^d: Euclidean space and metric, entropy none,
     * noise none, scheme euler, one particle, seed 1; {@code steps} steps of length {@code dt}.
     *
     * @param x0 the starting point in command-line syntax, e.g. {@code "2,1"}
     */
    public static FlowSpec quadratic(int d, String x0, long steps, double dt) {
        Map<PartKind, PartChoice> parts = new EnumMap<>(PartKind.class);
        parts.put(PartKind.SPACE, PartChoice.of("euclidean").with("dimension", d).with("x0", x0));
        parts.put(PartKind.METRIC, PartChoice.of("euclidean"));
        parts.put(PartKind.ENERGY, PartChoice.of("quadratic"));
        parts.put(PartKind.ENTROPY, PartChoice.of("none"));
        parts.put(PartKind.NOISE, PartChoice.of("none"));
        parts.put(PartKind.SCHEME, PartChoice.of("euler"));
        return new FlowSpec(null, parts, steps, null, dt, 1L, 1, null);
    }

    /** The 2-D quadratic of the scheme tests: A = [[3,1],[1,2]], b = [1,-1], x0 = [2,1]. */
    public static FlowSpec reference2d(String scheme, long steps, double dt) {
        return quadratic(2, "2,1", steps, dt)
                .withParam(PartKind.ENERGY, "A", "3,1;1,2")
                .withParam(PartKind.ENERGY, "b", "1,-1")
                .withPart(PartKind.SCHEME, scheme);
    }

    /** Langevin dynamics (thermal noise, Boltzmann entropy at beta, Euler-Maruyama) of a quadratic energy. */
    public static FlowSpec langevin(int d, String x0, double beta, int particles, long steps, double dt, long seed) {
        return quadratic(d, x0, steps, dt)
                .withPart(PartKind.ENTROPY, PartChoice.of("boltzmann").with("beta", beta))
                .withPart(PartKind.NOISE, "thermal")
                .withPart(PartKind.SCHEME, "euler-maruyama")
                .withParticles(particles)
                .withSeed(seed);
    }
}
