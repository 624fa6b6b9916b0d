package org.varflow;

import java.util.Objects;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Entropy;
import org.varflow.api.EntropyFactory;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;

/**
 * Factories around part instances given from Java ({@link FlowBuilder#energy(String, Energy)} and its siblings), so
 * that assembly checks them like registered parts: they take no parameters, work on any space and declare the
 * instance's own class as their part type.
 */
final class Instances {
    private Instances() {
    }

    static SpaceFactory space(String id, Space space) {
        Objects.requireNonNull(space, "space");
        return new SpaceFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String summary() {
                return "a space given in Java (" + space.getClass().getName() + ")";
            }

            @Override
            public Class<? extends Space> partType() {
                return space.getClass();
            }

            @Override
            public Space create(Parameters parameters) {
                return space;
            }
        };
    }

    static MetricFactory metric(String id, Metric metric) {
        Objects.requireNonNull(metric, "metric");
        return new MetricFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String summary() {
                return "a metric given in Java (" + metric.getClass().getName() + ")";
            }

            @Override
            public Class<? extends Metric> partType() {
                return metric.getClass();
            }

            @Override
            public Metric create(Parameters parameters, Space space) {
                return metric;
            }
        };
    }

    static EnergyFactory energy(String id, Energy energy) {
        Objects.requireNonNull(energy, "energy");
        return new EnergyFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String summary() {
                return "an energy given in Java (" + energy.getClass().getName() + ")";
            }

            @Override
            public Class<? extends Energy> partType() {
                return energy.getClass();
            }

            @Override
            public Energy create(Parameters parameters, Space space) {
                return energy;
            }
        };
    }

    static EntropyFactory entropy(String id, Entropy entropy) {
        Objects.requireNonNull(entropy, "entropy");
        return new EntropyFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String summary() {
                return "an entropy given in Java (" + entropy.getClass().getName() + ")";
            }

            @Override
            public Class<? extends Entropy> partType() {
                return entropy.getClass();
            }

            @Override
            public Entropy create(Parameters parameters, Space space) {
                return entropy;
            }
        };
    }

    static NoiseFactory noise(String id, Noise noise) {
        Objects.requireNonNull(noise, "noise");
        return new NoiseFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String summary() {
                return "a noise given in Java (" + noise.getClass().getName() + ")";
            }

            @Override
            public Class<? extends Noise> partType() {
                return noise.getClass();
            }

            @Override
            public Noise create(Parameters parameters, Space space) {
                return noise;
            }
        };
    }

    /** The id under which an instance appears in summaries when none is given: {@code java:SimpleName}. */
    static String idOf(Object part, String kind) {
        String name = part.getClass().getSimpleName();
        return "java:" + (name.isEmpty() || name.contains("$") ? kind : name);
    }
}
