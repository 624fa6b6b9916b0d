package com.broken;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.varflow.api.*;

/**
 * A third-party plugin built against varflow-api alone, with one classic mistake per part, and the upper
 * half-plane: {y > 0} with K = y^2 I and three retractions (y + v leaves it, y e^{v/y} is right to first order
 * only, y e^{u - u^2/2} is right).
 */
public final class BrokenParts implements Plugin {
    public String id() { return "broken-parts"; }

    public Collection<SpaceFactory> spaces() {
        return List.of(new SpaceFactory() {
            public String id() { return "half-plane"; }
            public String summary() { return "the upper half-plane y > 0"; }
            public Space create(Parameters p) { return new HalfPlane(); }
        });
    }

    public Collection<MetricFactory> metrics() {
        return List.of(metric("hp-leaving", 0, false), metric("hp-first-order", 1, false), metric("hp-ito", 2, false),
                metric("hp-divergence-sign", 2, true));
    }

    public Collection<EnergyFactory> energies() {
        return List.of(new EnergyFactory() {
            public String id() { return "wrong-component"; }
            public String summary() { return "E = |x|^2/2 with a gradient 1% off in its last component"; }
            public Energy create(Parameters p, Space s) {
                return Energy.of(x -> { double e = 0; for (double v : x) e += v * v / 2; return e; }, (x, g) -> {
                    for (int i = 0; i < x.length; i++) g[i] = x[i];
                    g[x.length - 1] *= 1.01;
                });
            }
        }, new EnergyFactory() {
            public String id() { return "hp-height"; }
            public String summary() { return "E = c y on the half-plane"; }
            public Set<String> spaces() { return Set.of("half-plane"); }
            public List<Parameter> parameters() { return List.of(Parameter.real("c", 0, -10, 10, "slope")); }
            public Energy create(Parameters p, Space s) {
                double c = p.real("c");
                return Energy.of(x -> c * x[1], (x, g) -> { g[0] = 0; g[1] = c; });
            }
        });
    }

    public Collection<NoiseFactory> noises() {
        return List.of(new NoiseFactory() {
            public String id() { return "hot-noise"; }
            public String summary() { return "thermal noise that reads beta where it should read T"; }
            public Noise create(Parameters p, Space s) {
                return new ThermalNoise() {
                    public void addIncrement(double[] x, double h, double t, Metric m, RandomStream rng,
                                             double[] work, double[] out) {
                        ThermalNoise.super.addIncrement(x, h, t == 0 ? 0 : 1 / t, m, rng, work, out);
                    }
                };
            }
        });
    }

    public Collection<SchemeFactory> schemes() {
        return List.of(new SchemeFactory() {
            public String id() { return "euler-claiming-two"; }
            public String summary() { return "explicit Euler that states order 2"; }
            public ConvergenceOrder order() { return ConvergenceOrder.deterministic(2); }
            public Scheme create(Parameters p, Flow flow) {
                return f -> {
                    int d = f.dimension();
                    double[] g = new double[d];
                    double[] w = new double[2 * d];
                    double[] b = new double[d];
                    return (x, aux, step, rng) -> {
                        f.drift(x, step.time(), g, w, b);
                        for (int i = 0; i < d; i++) x[i] += step.dt() * b[i];
                    };
                };
            }
        });
    }

    static MetricFactory metric(String id, int retraction, boolean flipDivergence) {
        return new MetricFactory() {
            public String id() { return id; }
            public String summary() { return "K = y^2 I on the half-plane"; }
            public Set<String> spaces() { return Set.of("half-plane"); }
            public Metric create(Parameters p, Space s) {
                return new Metric() {
                    public void raise(double[] x, double[] c, double[] out) {
                        out[0] = x[1] * x[1] * c[0];
                        out[1] = x[1] * x[1] * c[1];
                    }
                    public void sqrtRaise(double[] x, double[] xi, double[] out) {
                        out[0] = Math.abs(x[1]) * xi[0];
                        out[1] = Math.abs(x[1]) * xi[1];
                    }
                    public void divergence(double[] x, double[] out) {
                        out[0] = 0;
                        out[1] = (flipDivergence ? -2 : 2) * x[1];
                    }
                    public void retract(double[] x, double[] v, double[] out) {
                        out[0] = x[0] + v[0];
                        double u = v[1] / x[1];
                        out[1] = retraction == 0 ? x[1] + v[1]
                                : retraction == 1 ? x[1] * Math.exp(u) : x[1] * Math.exp(u - u * u / 2);
                    }
                };
            }
        };
    }

    /** {y > 0}. */
    static final class HalfPlane implements ConstrainedSpace {
        public String kind() { return "half-plane"; }
        public int dimension() { return 2; }
        public double[] initialState() { return new double[] {0, 1}; }
        public String coordinateName(int i) { return i == 0 ? "x" : "y"; }
        public boolean contains(double[] x) { return x[1] > 0; }
        public String constraint() { return "y > 0"; }
        public String violation(double[] x) { return x[1] > 0 ? null : "y = " + x[1] + " (y > 0)"; }
    }
}
