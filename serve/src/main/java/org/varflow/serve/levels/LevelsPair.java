package org.varflow.serve.levels;

import java.util.List;
import java.util.Map;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.core.registry.PartRegistry;

/**
 * One flow at both levels: the presets {@code particle-fokker-planck} (an ensemble of N particles with thermal noise:
 * samples) and {@code fokker-planck} (a density on a grid by finite volumes: the law) with the same potential V, the
 * same entropy (temperature) and the same starting law, run to the same time and observed at the same times. The
 * density's explicit scheme splits steps that exceed its stability limit ({@code stability = substep}).
 *
 * @param energy    the potential V (an energy on R)
 * @param entropy   the entropy, whose beta is the temperature of both
 * @param law       the starting law's parameters shared by both spaces: {@code law}, {@code mean}, {@code std},
 *                  {@code offset}
 * @param particles N, the ensemble's particles
 * @param seed      the seed of the particles' start and noise
 * @param time      the final time
 * @param frames    about how many observations each run makes
 */
public record LevelsPair(PartChoice energy, PartChoice entropy, Map<String, Object> law, long particles, long seed,
                         double time, int frames) {
    /** The preset of the particle level. */
    public static final String SAMPLES = "particle-fokker-planck";
    /** The preset of the density level. */
    public static final String LAW = "fokker-planck";
    /** The starting-law parameters both spaces declare. */
    public static final List<String> LAW_PARAMETERS = List.of("law", "mean", "std", "offset");
    /**
     * The density scheme's answer to a step above its explicit stability limit (steeper potentials, lower
     * temperatures): split the step, so that both levels keep the same dt and observation times.
     */
    static final String STABILITY = "stability";
    static final String SUBSTEP = "substep";

    public LevelsPair {
        law = Map.copyOf(law);
        for (String key : law.keySet()) {
            if (!LAW_PARAMETERS.contains(key)) {
                throw new ConfigurationException("levels: the starting law has no parameter '" + key + "'; valid: "
                        + LAW_PARAMETERS);
            }
        }
        if (!(time > 0) || !Double.isFinite(time)) {
            throw new ConfigurationException("levels: time = " + time + " is not valid; expected a finite number > 0");
        }
        if (frames < 2 || frames > 2000) {
            throw new ConfigurationException("levels: frames = " + frames + " is not valid; expected 2 to 2000");
        }
    }

    /** The particle run. */
    public FlowSpec samples(PartRegistry registry) {
        FlowSpec base = registry.preset(SAMPLES).spec();
        FlowSpec s = shared(base).withParam(PartKind.SPACE, "n", particles).withParam(PartKind.SPACE, "seed", seed)
                .withSeed(seed);
        return s.withEvery(samplesEvery(s.dt()));
    }

    /** The density run, observed at the particle run's times (to within one of its steps). */
    public FlowSpec law(PartRegistry registry) {
        FlowSpec base = registry.preset(LAW).spec();
        FlowSpec particleBase = registry.preset(SAMPLES).spec();
        double interval = samplesEvery(particleBase.dt()) * particleBase.dt();
        FlowSpec s = shared(base).withParam(PartKind.SCHEME, STABILITY, SUBSTEP);
        return s.withEvery((int) Math.max(1, Math.round(interval / s.dt())));
    }

    private int samplesEvery(double dt) {
        return (int) Math.max(1, Math.round(time / frames / dt));
    }

    private FlowSpec shared(FlowSpec base) {
        FlowSpec s = base.withPart(PartKind.ENERGY, energy).withPart(PartKind.ENTROPY, entropy).withTime(time);
        for (Map.Entry<String, Object> e : law.entrySet()) {
            s = s.withParam(PartKind.SPACE, e.getKey(), e.getValue());
        }
        return s;
    }
}
