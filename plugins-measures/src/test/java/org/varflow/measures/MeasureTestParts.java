package org.varflow.measures;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.Space;

/**
 * The energies the measure tests need from plugins-models, which this module may not depend on: a quadratic
 * potential V(x) = a |x - c|^2 / 2 on R^d, the double well V(x) = (x^2 - 1)^2 / 4 on R^1 and the zero energy. The
 * entropies and noises come from plugins-noise.
 */
public final class MeasureTestParts implements Plugin {

    @Override
    public String id() {
        return "measure-test-parts";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new Quadratic(), new Named("test-double-well"), new Named("test-zero"),
                new Named("test-cosine"));
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

    /** The double well, the zero energy and the periodic cos(2 pi x). */
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
            boolean cosine = id.equals("test-cosine");
            return new Energy() {
                @Override
                public double value(double[] x) {
                    return well ? 0.25 * (x[0] * x[0] - 1) * (x[0] * x[0] - 1) : cosine ? Math.cos(2 * Math.PI * x[0])
                            : 0;
                }

                @Override
                public void gradient(double[] x, double[] out) {
                    java.util.Arrays.fill(out, 0, x.length, 0.0);
                    if (well) {
                        out[0] = x[0] * (x[0] * x[0] - 1);
                    } else if (cosine) {
                        out[0] = -2 * Math.PI * Math.sin(2 * Math.PI * x[0]);
                    }
                }
            };
        }
    }
}
