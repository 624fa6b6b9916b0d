package org.varflow.cli;

import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.cli.compare.Settings;
import org.varflow.core.run.RunControl;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options that {@code run}, {@code resume} and {@code compare} share, as picocli mixins, so that a flag means
 * the same thing (and is described the same way) in every command that takes it.
 */
final class SharedOptions {
    private SharedOptions() {
    }

    /** Which part fills each slot and with which parameters: {@code --energy ID}, {@code --set PART.PARAM=V}. */
    static final class Parts {
        @Option(names = "--space", paramLabel = "ID", description = "replace the space")
        String space;

        @Option(names = "--metric", paramLabel = "ID", description = "replace the metric")
        String metric;

        @Option(names = "--energy", paramLabel = "ID", description = "replace the energy")
        String energy;

        @Option(names = "--entropy", paramLabel = "ID", description = "replace the entropy")
        String entropy;

        @Option(names = "--noise", paramLabel = "ID", description = "replace the noise")
        String noise;

        @Option(names = "--scheme", paramLabel = "ID", description = "replace the time discretisation")
        String scheme;

        @Option(names = "--set", paramLabel = "PART.PARAM=VALUE",
                description = "set a parameter, e.g. entropy.beta=2 or energy.diag=1,4 (repeatable)")
        List<String> settings = List.of();

        /** The spec with the slots swapped and the parameters set, in that order. */
        FlowSpec apply(FlowSpec spec) {
            spec = swap(spec, PartKind.SPACE, space);
            spec = swap(spec, PartKind.METRIC, metric);
            spec = swap(spec, PartKind.ENERGY, energy);
            spec = swap(spec, PartKind.ENTROPY, entropy);
            spec = swap(spec, PartKind.NOISE, noise);
            spec = swap(spec, PartKind.SCHEME, scheme);
            for (String s : settings) {
                spec = set(spec, s);
            }
            return spec;
        }

        private static FlowSpec swap(FlowSpec spec, PartKind kind, String id) {
            return id == null ? spec : spec.withPart(kind, id);
        }

        /** Applies one {@code PART.PARAM=VALUE}. */
        static FlowSpec set(FlowSpec spec, String setting) {
            int eq = setting.indexOf('=');
            int dot = setting.indexOf('.');
            if (eq < 0 || dot < 0 || dot > eq) {
                throw new ConfigurationException("--set " + setting + " is not of the form PART.PARAM=VALUE,"
                        + " e.g. --set entropy.beta=2");
            }
            return Settings.apply(spec, setting, "--set");
        }
    }

    /** How long a flow runs and how it is sampled: steps or time, dt, particles, seed, observation interval. */
    static final class Length {
        @ArgGroup(exclusive = true)
        Duration duration;

        /** Steps or a final time, not both. */
        static final class Duration {
            @Option(names = "--steps", paramLabel = "N", description = "number of steps")
            Long steps;

            @Option(names = "--time", paramLabel = "T", description = "final time (steps = T / dt)")
            Double time;
        }

        @Option(names = "--dt", paramLabel = "H", description = "step length")
        Double dt;

        @Option(names = "--particles", paramLabel = "N", description = "independent copies run side by side")
        Integer particles;

        @Option(names = "--seed", paramLabel = "S", description = "seed of all random streams")
        Long seed;

        @Option(names = "--every", paramLabel = "K", description = "observe and record every K-th step")
        Integer every;

        /** The spec with every option given here applied (the seed only when {@code withSeed}). */
        FlowSpec apply(FlowSpec spec, boolean withSeed) {
            if (duration != null && duration.steps != null) {
                spec = spec.withSteps(duration.steps);
            }
            if (duration != null && duration.time != null) {
                spec = spec.withTime(duration.time);
            }
            if (dt != null) {
                spec = spec.withDt(dt);
            }
            if (particles != null) {
                spec = spec.withParticles(particles);
            }
            if (withSeed && seed != null) {
                spec = spec.withSeed(seed);
            }
            if (every != null) {
                spec = spec.withEvery(every);
            }
            return spec;
        }
    }

    /** How long a run may take: {@code --timeout DURATION}. */
    static final class Deadline {
        @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "stop the run if it takes longer (e.g. 90s, 10m, 2h; a plain number is seconds):"
                        + " exit code 7, no summary; a checkpoint, if any, is kept for 'varflow resume'")
        java.time.Duration timeout;
    }

    /** Reads 90, 90s, 1.5m, 10m, 2h, 1d. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            double unit = 1;
            if (!v.isEmpty() && "smhd".indexOf(v.charAt(v.length() - 1)) >= 0) {
                unit = switch (v.charAt(v.length() - 1)) {
                    case 'm' -> 60;
                    case 'h' -> 3600;
                    case 'd' -> 86400;
                    default -> 1;
                };
                v = v.substring(0, v.length() - 1);
            }
            double seconds;
            try {
                seconds = Double.parseDouble(v) * unit;
            } catch (NumberFormatException e) {
                seconds = Double.NaN;
            }
            if (!(seconds > 0) || seconds > 1e9 || !v.matches("[0-9.]+")) {
                throw new picocli.CommandLine.TypeConversionException(org.varflow.api.io.Excerpt.quote(value)
                        + " is not a duration; give e.g. 90s, 10m or 2h (more than 0)");
            }
            return java.time.Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
        }
    }

    /** How a run is executed: worker threads and whether to show progress. */
    static final class Execution {
        @Option(names = "--threads", paramLabel = "N",
                description = "worker threads (results do not depend on it; default: cores)")
        Integer threads;

        @Option(names = {"-q", "--quiet"}, description = "no progress bar and no notes on stderr (errors only)")
        boolean quiet;

        /** A run control with the threads asked for (the machine's cores by default). */
        RunControl control() {
            return threads == null ? RunControl.defaults() : new RunControl(threads);
        }
    }
}
