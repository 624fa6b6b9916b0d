package org.varflow.testkit;

import org.varflow.api.DampedHamiltonian;
import org.varflow.api.Energy;
import org.varflow.api.Entropy;
import org.varflow.api.FlatMetric;
import org.varflow.api.Flow;
import org.varflow.api.NoNoise;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;
import org.varflow.api.ThermalNoise;

/**
 * The linear test problems of the scheme checks, built from {@code varflow-api} alone, with their exact flows:
 *
 * <pre>
 *   linear()                   R^2, E = (x1^2 + 4 x2^2) / 2, K = I, from (1, 1):   x(t) = (e^-t, e^-4t)
 *   ornsteinUhlenbeck(T)       the same with thermal noise at temperature T (Boltzmann entropy, beta = 1/T)
 *   dampedOscillator(gamma)    phase space (q, p), H = (q^2 + p^2) / 2, J = [[0, 1], [-1, 0]], K = diag(0, gamma),
 *                              from (1, 0): q' = p, p' = -q - gamma p
 * </pre>
 */
public final class TestProblems {
    private TestProblems() {
    }

    /** R^2 with the flat metric: the linear test problem. */
    public static Flow linear() {
        return new Flow(plane(Space.EUCLIDEAN, 1, 1), Flat.INSTANCE, quadratic(1, 4), None.INSTANCE,
                NoNoise.INSTANCE);
    }

    /** x(t) of {@link #linear()}. */
    public static double[] linearExact(double t) {
        return new double[] {Math.exp(-t), Math.exp(-4 * t)};
    }

    /** Langevin on the linear test problem at temperature T: dX = -A X dt + sqrt(2 T) dW. */
    public static Flow ornsteinUhlenbeck(double temperature) {
        Entropy boltzmann = () -> 1 / temperature;
        return new Flow(plane(Space.EUCLIDEAN, 1, 1), Flat.INSTANCE, quadratic(1, 4), boltzmann, Thermal.INSTANCE);
    }

    /** The damped oscillator on phase space (friction 0: the harmonic oscillator). */
    public static Flow dampedOscillator(double friction) {
        return new Flow(plane(SpaceKinds.PHASE_SPACE, 1, 0), new Damped(friction), quadratic(1, 1), None.INSTANCE,
                NoNoise.INSTANCE);
    }

    private static Space plane(String kind, double a, double b) {
        return new Space() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double[] initialState() {
                return new double[] {a, b};
            }
        };
    }

    private static Energy quadratic(double a, double b) {
        return new Energy() {
            @Override
            public double value(double[] x) {
                return 0.5 * (a * x[0] * x[0] + b * x[1] * x[1]);
            }

            @Override
            public void gradient(double[] x, double[] out) {
                out[0] = a * x[0];
                out[1] = b * x[1];
            }

            @Override
            public void hessian(double[] x, double[] out) {
                out[0] = a;
                out[1] = 0;
                out[2] = 0;
                out[3] = b;
            }
        };
    }

    /** K = I. */
    private enum Flat implements FlatMetric {
        INSTANCE
    }

    /** Thermal noise, every method a default. */
    private enum Thermal implements ThermalNoise {
        INSTANCE
    }

    /** No entropy. */
    private enum None implements Entropy {
        INSTANCE;

        @Override
        public double beta() {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** J = [[0, 1], [-1, 0]], K = diag(0, gamma), mass 1. */
    private record Damped(double friction) implements DampedHamiltonian {
        @Override
        public double mass() {
            return 1;
        }

        @Override
        public void applyPoisson(double[] x, double[] c, double[] out) {
            out[0] = c[1];
            out[1] = -c[0];
        }

        @Override
        public void raise(double[] x, double[] c, double[] out) {
            out[0] = 0;
            out[1] = friction * c[1];
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            out[0] = 0;
            out[1] = Math.sqrt(friction) * xi[1];
        }
    }
}
