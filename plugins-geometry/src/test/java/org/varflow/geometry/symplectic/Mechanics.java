package org.varflow.geometry.symplectic;


import java.util.Map;
import org.varflow.api.Energy;
import org.varflow.api.Entropy;
import org.varflow.api.Flow;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Noise;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;

/** Flows on phase space built by hand (no core): energies, the five parts, steppers, allocation counting. */
public final class Mechanics {
    private Mechanics() {
    }

    /** E(q) = omega^2 |q|^2 / 2. */
    public static Energy oscillator(double omega) {
        return new Energy() {
            @Override
            public double value(double[] q) {
                double s = 0;
                for (double v : q) {
                    s += v * v;
                }
                return 0.5 * omega * omega * s;
            }

            @Override
            public void gradient(double[] q, double[] out) {
                for (int i = 0; i < q.length; i++) {
                    out[i] = omega * omega * q[i];
                }
            }
        };
    }

    /** A coupled anharmonic energy on R^2: E(q) = (q1^2 - 1)^2 / 4 + q1 q2 / 2 + q2^4 / 4 + q2^2 / 2. */
    public static Energy anharmonic() {
        return new Energy() {
            @Override
            public double value(double[] q) {
                double s = q[0] * q[0] - 1;
                return 0.25 * s * s + 0.5 * q[0] * q[1] + 0.25 * Math.pow(q[1], 4) + 0.5 * q[1] * q[1];
            }

            @Override
            public void gradient(double[] q, double[] out) {
                out[0] = q[0] * (q[0] * q[0] - 1) + 0.5 * q[1];
                out[1] = 0.5 * q[0] + q[1] * q[1] * q[1] + q[1];
            }
        };
    }

    public static PhaseSpace space(double[] q0, double[] p0, double mass) {
        return new PhaseSpace(q0, p0, mass);
    }

    public static Metric metric(MetricFactory factory, PhaseSpace space, Map<String, Object> params) {
        return factory.create(Parameters.resolve("metric", factory.parameters(), params), space);
    }

    /** Entropy none (beta = infinity) or Boltzmann at beta. */
    public static Entropy entropy(double beta) {
        return () -> beta;
    }

    /** Noise that is zero, or thermal-like (non-zero; BAOAB never calls it). */
    public static Noise noise(boolean zero) {
        if (zero) {
            return org.varflow.api.NoNoise.INSTANCE;
        }
        return new Noise() {
            @Override
            public void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng,
                                     double[] work, double[] out) {
                throw new AssertionError("splitting schemes realise the noise themselves");
            }
        };
    }

    public static Flow flow(PhaseSpace space, Metric metric, Energy base, double beta) {
        return new Flow(space, metric, space.lift(base), entropy(beta),
                noise(Double.isInfinite(beta)));
    }

    public static Scheme.Stepper stepper(SchemeFactory factory, Flow flow) {
        return factory.create(Parameters.empty(), flow).stepper(flow);
    }

    /** A stream that refuses to be used. */
    public static RandomStream noRandomness() {
        return new RandomStream() {
            @Override
            public double nextGaussian() {
                throw new AssertionError("no random numbers expected");
            }

            @Override
            public double nextDouble() {
                throw new AssertionError("no random numbers expected");
            }
        };
    }

    /** A seeded stream for tests. */
    public static RandomStream random(long seed) {
        java.util.Random r = new java.util.Random(seed);
        return new RandomStream() {
            @Override
            public double nextGaussian() {
                return r.nextGaussian();
            }

            @Override
            public double nextDouble() {
                return r.nextDouble();
            }
        };
    }

    /** Bytes allocated by one warmed-up run of {@code work}; skips where the JVM cannot count. */
    public static long bytesAllocatedBy(Runnable work) {
        return org.varflow.testkit.Allocations.bytesAllocatedBy(work);
    }
}
