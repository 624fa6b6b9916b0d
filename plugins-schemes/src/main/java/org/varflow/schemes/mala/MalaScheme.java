package org.varflow.schemes.mala;

import java.util.Map;
import java.util.TreeMap;
import org.varflow.api.Energy;
import org.varflow.api.Flow;
import org.varflow.api.Metric;
import org.varflow.api.NumericalException;
import org.varflow.api.PartKind;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.StepContext;

/**
 * MALA for one run. Auxiliary state per particle: {@code [valid, E(x), dE(x)_1..d]} so that the energy and gradient
 * of the current state are computed once, when the state is first proposed.
 */
final class MalaScheme implements Scheme {
    static final String PROPOSALS = "proposals";
    static final String ACCEPTED = "accepted";

    @Override
    public Stepper stepper(Flow flow) {
        return new MalaStepper(flow);
    }

    @Override
    public int auxiliaryDimension(Flow flow) {
        return flow.dimension() + 2;
    }

    @Override
    public Map<String, Object> report(Map<String, Double> totals) {
        Map<String, Object> out = new TreeMap<>();
        double proposals = totals.getOrDefault(PROPOSALS, 0.0);
        double accepted = totals.getOrDefault(ACCEPTED, 0.0);
        out.put(PROPOSALS, (long) proposals);
        out.put(ACCEPTED, (long) accepted);
        if (proposals > 0) {
            out.put("acceptanceRate", accepted / proposals);
        }
        return out;
    }

    /**
     * log of the Metropolis-Hastings ratio pi(y) q(x|y) / (pi(x) q(y|x)) for pi = exp(-E/T) and the proposal
     * N(x - h K dE(x), 2 h T K), given the proposal's noise n = S xi (so y = x - h K dE(x) + sqrt(2hT) n),
     * s = dE(x) + dE(y) and Ks = K s. With a = sqrt(2hT): the forward residual y - x + h K dE(x) = a n has
     * |a n|^2_{K^-1} = a^2 |xi|^2 and the backward one x - y + h K dE(y) = -a n + h K s has
     * a^2 |xi|^2 - 2 a h &lt;n, s&gt; + h^2 &lt;s, K s&gt; (using S^T K^-1 S = I), so
     * log q(x|y) - log q(y|x) = a &lt;n, s&gt; / 2T - h &lt;s, K s&gt; / 4T.
     */
    static double logAcceptance(double ex, double ey, double temperature, double h, double[] noise, double[] s,
                                double[] ks, int d) {
        double a = Math.sqrt(2 * h * temperature);
        double ns = 0;
        double sks = 0;
        for (int i = 0; i < d; i++) {
            ns += noise[i] * s[i];
            sks += s[i] * ks[i];
        }
        return -(ey - ex) / temperature + a * ns / (2 * temperature) - h * sks / (4 * temperature);
    }

    /** One block's scratch and counters. */
    private static final class MalaStepper implements Stepper {
        private final Flow flow;
        private final Energy energy;
        private final Metric metric;
        private final boolean deterministic;
        private final int d;
        private final double[] gx;
        private final double[] gy;
        private final double[] y;
        private final double[] kg;
        private final double[] xi;
        private final double[] noise;
        private final double[] u;  // dE(x) + dE(y)
        private final double[] ku; // K u
        private long proposals;
        private long accepted;

        MalaStepper(Flow flow) {
            this.flow = flow;
            this.energy = flow.energy();
            this.metric = flow.metric();
            this.deterministic = flow.isDeterministic();
            this.d = flow.dimension();
            this.gx = new double[d];
            this.gy = new double[d];
            this.y = new double[d];
            this.kg = new double[d];
            this.xi = new double[d];
            this.noise = new double[d];
            this.u = new double[d];
            this.ku = new double[d];
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            double t = step.time();
            double h = step.dt();
            double temperature = deterministic ? 0.0 : flow.temperature(t);
            if (!(temperature >= 0)) {
                throw new NumericalException("scheme 'mala': temperature T = " + temperature + " is not >= 0 at t = "
                        + t + "; check the entropy part (T = 1/beta)", PartKind.ENTROPY);
            }
            double ex;
            if (aux[0] == 1.0) {
                ex = aux[1];
                System.arraycopy(aux, 2, gx, 0, d);
            } else {
                ex = energy.valueAndGradient(x, gx);
                if (!Double.isFinite(ex) || !finite(gx)) {
                    throw new NumericalException("scheme 'mala': E or dE is not finite at the current state",
                            PartKind.ENERGY);
                }
            }
            metric.raise(x, gx, kg);
            double a = Math.sqrt(2 * h * temperature);
            if (a > 0) {
                for (int i = 0; i < d; i++) {
                    xi[i] = rng.nextGaussian();
                }
                metric.sqrtRaise(x, xi, noise);
            }
            for (int i = 0; i < d; i++) {
                y[i] = x[i] - h * kg[i] + (a > 0 ? a * noise[i] : 0.0);
            }
            double ey = energy.valueAndGradient(y, gy);
            boolean accept;
            if (!Double.isFinite(ey) || !finite(gy)) {
                accept = false; // a proposal where E or dE is not finite has probability zero
            } else if (a > 0) {
                for (int i = 0; i < d; i++) {
                    u[i] = gx[i] + gy[i];
                }
                metric.raise(x, u, ku);
                double logAlpha = logAcceptance(ex, ey, temperature, h, noise, u, ku, d);
                accept = logAlpha >= 0 || Math.log(rng.nextDouble()) < logAlpha;
            } else {
                accept = ey <= ex;
            }
            proposals++;
            aux[0] = 1.0;
            if (accept) {
                accepted++;
                System.arraycopy(y, 0, x, 0, d);
                aux[1] = ey;
                System.arraycopy(gy, 0, aux, 2, d);
            } else {
                aux[1] = ex;
                System.arraycopy(gx, 0, aux, 2, d);
            }
        }

        @Override
        public void addStatistics(Map<String, Double> totals) {
            totals.merge(PROPOSALS, (double) proposals, Double::sum);
            totals.merge(ACCEPTED, (double) accepted, Double::sum);
        }

        private boolean finite(double[] v) {
            for (int i = 0; i < d; i++) {
                if (!Double.isFinite(v[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
