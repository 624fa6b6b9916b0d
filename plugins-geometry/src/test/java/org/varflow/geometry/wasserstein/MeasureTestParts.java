package org.varflow.geometry.wasserstein;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Entropy;
import org.varflow.api.EntropyFactory;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.RandomStream;
import org.varflow.api.Space;

/**
 * The parts the measure tests need from modules this one may not depend on (energies live in plugins-models,
 * entropies and noises in plugins-noise): a quadratic potential V(x) = a |x - c|^2 / 2 on R^d, the double well
 * V(x) = (x^2 - 1)^2 / 4 on R^1, the zero energy, entropies {@code none} and {@code boltzmann}, noise {@code none}.
 */
public final class MeasureTestParts implements Plugin {

    @Override
    public String id() {
        return "measure-test-parts";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new Quadratic(), new Named("test-double-well"), new Named("test-zero"));
    }

    @Override
    public Collection<EntropyFactory> entropies() {
        return List.of(new EntropyFactory() {
            @Override
            public String id() {
                return "none";
            }

            @Override
            public String summary() {
                return "no entropy";
            }

            @Override
            public Entropy create(Parameters parameters, Space space) {
                return () -> Double.POSITIVE_INFINITY;
            }
        }, new EntropyFactory() {
            @Override
            public String id() {
                return "boltzmann";
            }

            @Override
            public String summary() {
                return "Boltzmann entropy";
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(Parameter.positive("beta", 1, "inverse temperature"));
            }

            @Override
            public Entropy create(Parameters parameters, Space space) {
                double beta = parameters.real("beta");
                return () -> beta;
            }
        });
    }

    @Override
    public Collection<NoiseFactory> noises() {
        return List.of(new NoiseFactory() {
            @Override
            public String id() {
                return "none";
            }

            @Override
            public String summary() {
                return "no noise";
            }

            @Override
            public Noise create(Parameters parameters, Space space) {
                return org.varflow.api.NoNoise.INSTANCE;
            }
        });
    }

    /** V(x) = a |x - c|^2 / 2. */
    static final class Quadratic implements EnergyFactory {
        @Override
        public String id() {
            return "test-quadratic";
        }

        @Override
        public String summary() {
            return "a |x - c|^2 / 2";
        }

        @Override
        public Set<String> spaces() {
            return Set.of(Space.EUCLIDEAN);
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.positive("a", 1, "stiffness"), Parameter.real("c", 0, -100, 100, "centre"));
        }

        @Override
        public Energy create(Parameters parameters, Space space) {
            double a = parameters.real("a");
            double c = parameters.real("c");
            int d = space.dimension();
            return new Energy() {
                @Override
                public double value(double[] x) {
                    double s = 0;
                    for (int i = 0; i < d; i++) {
                        s += (x[i] - c) * (x[i] - c);
                    }
                    return 0.5 * a * s;
                }

                @Override
                public void gradient(double[] x, double[] out) {
                    for (int i = 0; i < d; i++) {
                        out[i] = a * (x[i] - c);
                    }
                }
            };
        }
    }

    /** The double well and the zero energy. */
    static final class Named implements EnergyFactory {
        private final String id;

        Named(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String summary() {
            return id;
        }

        @Override
        public Energy create(Parameters parameters, Space space) {
            boolean well = id.equals("test-double-well");
            return new Energy() {
                @Override
                public double value(double[] x) {
                    return well ? 0.25 * (x[0] * x[0] - 1) * (x[0] * x[0] - 1) : 0;
                }

                @Override
                public void gradient(double[] x, double[] out) {
                    java.util.Arrays.fill(out, 0, x.length, 0.0);
                    if (well) {
                        out[0] = x[0] * (x[0] * x[0] - 1);
                    }
                }
            };
        }
    }
}
