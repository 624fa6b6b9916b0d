package org.varflow.spark;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.Space;

/**
 * A test plugin: the energy {@code flaky-well}, the double well E = sum (x_i^2 - 1)^2 / 4, whose gradient throws
 * once per JVM after {@link #arm()}: the first task that steps it fails as a lost executor would, and Spark retries
 * it.
 */
public final class FlakyPlugin implements Plugin {
    static final AtomicBoolean ARMED = new AtomicBoolean();
    static final AtomicBoolean FAILED = new AtomicBoolean();

    /** Makes the next gradient evaluation in this JVM throw. */
    static void arm() {
        FAILED.set(false);
        ARMED.set(true);
    }

    @Override
    public String id() {
        return "flaky-test";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new EnergyFactory() {
            @Override
            public String id() {
                return "flaky-well";
            }

            @Override
            public String summary() {
                return "the double well, whose gradient fails once per JVM when armed (tests of retries)";
            }

            @Override
            public Energy create(Parameters parameters, Space space) {
                return new Energy() {
                    @Override
                    public double value(double[] x) {
                        double e = 0;
                        for (double v : x) {
                            e += (v * v - 1) * (v * v - 1) / 4;
                        }
                        return e;
                    }

                    @Override
                    public void gradient(double[] x, double[] out) {
                        if (ARMED.get() && !FAILED.getAndSet(true)) {
                            throw new IllegalStateException("simulated task failure");
                        }
                        for (int i = 0; i < x.length; i++) {
                            out[i] = x[i] * (x[i] * x[i] - 1);
                        }
                    }
                };
            }
        });
    }
}
