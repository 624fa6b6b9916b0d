package org.varflow.measures.jko;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.Flow;
import org.varflow.api.NumericalException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartKind;
import org.varflow.api.RandomStream;
import org.varflow.api.Requirement;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;
import org.varflow.api.Space;
import org.varflow.api.StepContext;
import org.varflow.api.measure.MeasureKinds;
import org.varflow.api.measure.TsallisEntropy;
import org.varflow.measures.particles.EnsembleSpace;
import org.varflow.measures.particles.ParticleCurvature;
import org.varflow.measures.particles.ParticleWassersteinMetric;

/**
 * The JKO scheme (minimizing movement in W2) in one dimension, in quantile coordinates. A sorted ensemble
 * x_1 &lt; ... &lt; x_M is the quantile function of the measure: W2^2 between two such measures is
 * (1/M) sum_k (x_k - y_k)^2, and the density between consecutive points is rho_j = mu / (x_{j+1} - x_j) with the
 * mass mu = 1/(M - 1) per gap. Each step solves, to a stated tolerance,
 *
 * <pre>
 *   x^{n+1} = argmin_y  E(y) + T S(y) + sum_k (y_k - x_k^n)^2 / 2h          (all terms extensive: M times F)
 *   S(y) = M sum_j Delta_j U(mu / Delta_j),  Delta_j = y_{j+1} - y_j,  U = rho log rho or rho^m / (m - 1)
 * </pre>
 *
 * (T from the entropy part at the end of the step: implicit) by damped Newton on the optimality condition
 * G(y) = dE(y) + T dS(y) + (y - x^n)/h = 0 with the tridiagonal matrix diag(E'') + T Hess S + I/h (E'' the energy's
 * diagonal curvature when it offers one, else 0), Armijo backtracking on the objective, which keeps the gaps
 * positive (S is a barrier). The solve stops when max_k |h G_k| &lt;= tolerance (1 + max_k |x_k^n|) and fails with a
 * {@link NumericalException} after {@code maxIterations}. With the mass 1/(M - 1) per gap the discrete stationary
 * state satisfies the virial identity sum_k x_k V'(x_k) = M T exactly (for V = x^2/2: variance T). First order in h,
 * unconditionally stable for convex V. An unsorted starting ensemble is sorted first (the measure is unchanged).
 */
public final class JkoFactory implements SchemeFactory {

    @Override
    public String id() {
        return "jko";
    }

    @Override
    public String summary() {
        return "JKO minimizing movement in W2 for 1-D ensembles in quantile coordinates, each step solved by Newton"
                + " to a tolerance";
    }

    @Override
    public String formula() {
        return "x^{n+1} = argmin_y E(y) + T S(y) + |y - x^n|^2 / 2h,  S = M sum_j Delta_j U(mu/Delta_j),"
                + " W2^2 = (1/M)|y - x|^2 in quantile coordinates";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(MeasureKinds.ENSEMBLE);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.real("tolerance", 1e-10, 1e-15, 1e-2, "inner solve stops when max |h G(y)| <= tolerance"
                        + " (1 + max |x^n|), G the gradient of the step's objective"),
                Parameter.integer("maxIterations", 100, 1, 100_000, "Newton iterations allowed per step"));
    }

    /** The step is the minimizing movement in W2, which on an ensemble is the per-particle Euclidean metric. */
    static final Requirement<ParticleWassersteinMetric> W2 = Requirement.of(PartKind.METRIC,
            ParticleWassersteinMetric.class, "the Wasserstein metric of an ensemble (metric 'wasserstein'): the"
                    + " step is the minimizing movement in W2");

    @Override
    public List<Requirement<?>> requires() {
        return List.of(W2);
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        Space space = flow.space();
        if (!(space instanceof EnsembleSpace e) || e.layout().d() != 1) {
            throw new ConfigurationException("scheme 'jko' works in quantile coordinates and needs a one-dimensional"
                    + " ensemble (space 'ensemble' with d = 1); got " + (space instanceof EnsembleSpace es
                    ? "d = " + es.layout().d() : "kind " + space.kind()));
        }
        double tolerance = parameters.real("tolerance");
        int maxIterations = (int) parameters.integer("maxIterations");
        return new Scheme() {
            @Override
            public Stepper stepper(Flow blockFlow) {
                return new JkoStepper(blockFlow, tolerance, maxIterations);
            }

            @Override
            public Map<String, Object> report(Map<String, Double> totals) {
                Map<String, Object> out = new TreeMap<>(totals);
                Double steps = totals.get("steps");
                if (steps != null && steps > 0) {
                    out.put("newtonPerStep", totals.get("newtonIterations") / steps);
                }
                return out;
            }
        };
    }

    /** The per-block Newton solver with its scratch. */
    static final class JkoStepper implements Scheme.Stepper {
        private static final int MAX_HALVINGS = 60;
        private final Flow flow;
        private final Energy energy;
        private final ParticleCurvature curvature;
        private final double exponent;
        private final double tolerance;
        private final int maxIterations;
        private final int m;
        private final double[] prev;
        private final double[] y;
        private final double[] trial;
        private final double[] grad;
        private final double[] curv;
        private final double[] diag;
        private final double[] off;
        private final double[] delta;
        private final double[] cp;
        private long iterations;
        private long steps;

        JkoStepper(Flow flow, double tolerance, int maxIterations) {
            this.flow = flow;
            this.energy = flow.energy();
            this.curvature = energy instanceof ParticleCurvature c ? c : null;
            this.exponent = TsallisEntropy.exponentOf(flow.entropy());
            this.tolerance = tolerance;
            this.maxIterations = maxIterations;
            this.m = flow.dimension();
            this.prev = new double[m];
            this.y = new double[m];
            this.trial = new double[m];
            this.grad = new double[m];
            this.curv = new double[m];
            this.diag = new double[m];
            this.off = new double[m];
            this.delta = new double[m];
            this.cp = new double[m];
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            double t = step.time();
            double h = step.dt();
            double temperature = flow.temperature(t + h);
            if (!sorted(x)) {
                java.util.Arrays.sort(x);
            }
            System.arraycopy(x, 0, prev, 0, m);
            System.arraycopy(x, 0, y, 0, m);
            double scale = 1;
            for (double v : x) {
                scale = Math.max(scale, 1 + Math.abs(v));
            }
            double limit = tolerance * scale;
            steps++;
            double phi = objective(y, h, temperature);
            for (int it = 0; ; it++) {
                double norm = gradient(y, h, temperature);
                if (norm * h <= limit) {
                    System.arraycopy(y, 0, x, 0, m);
                    return;
                }
                if (it == maxIterations || !Double.isFinite(norm)) {
                    throw new NumericalException("scheme 'jko': the Newton solve of the step stopped after " + it
                            + " iterations with residual max |h G| = " + norm * h + " > " + limit + "; raise"
                            + " scheme.maxIterations or take a smaller dt (now " + h + ")", PartKind.SCHEME);
                }
                iterations++;
                newtonDirection(h, temperature);
                double slope = 0;
                for (int k = 0; k < m; k++) {
                    slope += grad[k] * delta[k];
                }
                if (!(slope < 0)) { // not a descent direction: fall back to steepest descent
                    for (int k = 0; k < m; k++) {
                        delta[k] = -h * grad[k];
                    }
                    slope = -h * dot(grad, grad);
                }
                double lambda = 1;
                double next = Double.NaN;
                boolean accepted = false;
                for (int halving = 0; halving < MAX_HALVINGS; halving++) {
                    for (int k = 0; k < m; k++) {
                        trial[k] = y[k] + lambda * delta[k];
                    }
                    next = objective(trial, h, temperature);
                    if (next <= phi + 1e-4 * lambda * slope || (Math.abs(next - phi) <= 1e-15 * Math.abs(phi)
                            && Double.isFinite(next))) {
                        accepted = true;
                        break;
                    }
                    lambda *= 0.5;
                }
                if (!accepted) {
                    throw new NumericalException("scheme 'jko': no decrease of the step's objective along the Newton"
                            + " direction (residual " + norm * h + "); take a smaller dt (now " + h + ")",
                            PartKind.SCHEME);
                }
                System.arraycopy(trial, 0, y, 0, m);
                phi = next;
            }
        }

        /** The step's objective E(y) + T S(y) + |y - x^n|^2 / 2h; +infinity when a gap is not positive. */
        private double objective(double[] yy, double h, double temperature) {
            double s = 0;
            if (temperature > 0) {
                for (int j = 0; j + 1 < m; j++) {
                    double gap = yy[j + 1] - yy[j];
                    if (!(gap > 0)) {
                        return Double.POSITIVE_INFINITY;
                    }
                    s += entropy(gap);
                }
            }
            double move = 0;
            for (int k = 0; k < m; k++) {
                double z = yy[k] - prev[k];
                move += z * z;
            }
            return energy.value(yy) + temperature * s + move / (2 * h);
        }

        /** grad = G(y); returns max |G_k|. */
        private double gradient(double[] yy, double h, double temperature) {
            energy.gradient(yy, grad);
            double norm = 0;
            for (int k = 0; k < m; k++) {
                double g = grad[k] + (yy[k] - prev[k]) / h;
                if (temperature > 0) {
                    if (k > 0) {
                        g += temperature * entropySlope(yy[k] - yy[k - 1]);
                    }
                    if (k + 1 < m) {
                        g -= temperature * entropySlope(yy[k + 1] - yy[k]);
                    }
                }
                grad[k] = g;
                norm = Math.max(norm, Math.abs(g));
            }
            return Double.isNaN(norm) ? Double.POSITIVE_INFINITY : norm;
        }

        /** delta = -H^-1 G with the tridiagonal H (Thomas algorithm; shifted if a pivot is not positive). */
        private void newtonDirection(double h, double temperature) {
            if (curvature != null) {
                curvature.curvatureDiagonal(y, curv);
            } else {
                java.util.Arrays.fill(curv, 0.0);
            }
            for (double shift = 0; ; shift = shift == 0 ? 1 / h : shift * 4) {
                for (int k = 0; k < m; k++) {
                    diag[k] = curv[k] + 1 / h + shift;
                    off[k] = 0;
                }
                if (temperature > 0) {
                    for (int j = 0; j + 1 < m; j++) {
                        double c = temperature * entropyCurvature(y[j + 1] - y[j]);
                        diag[j] += c;
                        diag[j + 1] += c;
                        off[j] = -c;
                    }
                }
                if (thomas()) {
                    return;
                }
                if (shift > 1e12 / h) {
                    for (int k = 0; k < m; k++) {
                        delta[k] = -h * grad[k];
                    }
                    return;
                }
            }
        }

        /** Solves the tridiagonal system (diag, off) delta = -grad; false on a non-positive pivot. */
        private boolean thomas() {
            double pivot = diag[0];
            if (!(pivot > 0)) {
                return false;
            }
            cp[0] = m > 1 ? off[0] / pivot : 0;
            delta[0] = -grad[0] / pivot;
            for (int k = 1; k < m; k++) {
                pivot = diag[k] - off[k - 1] * cp[k - 1];
                if (!(pivot > 0)) {
                    return false;
                }
                cp[k] = k + 1 < m ? off[k] / pivot : 0;
                delta[k] = (-grad[k] - off[k - 1] * delta[k - 1]) / pivot;
            }
            for (int k = m - 2; k >= 0; k--) {
                delta[k] -= cp[k] * delta[k + 1];
            }
            return true;
        }

        /** M Delta U(mu / Delta), without additive constants. */
        private double entropy(double gap) {
            double mu = 1.0 / (m - 1);
            if (exponent == 1.0) {
                return -m * mu * Math.log(gap);
            }
            return m * Math.pow(mu, exponent) * Math.pow(gap, 1 - exponent) / (exponent - 1);
        }

        /** d/dDelta of {@link #entropy}. */
        private double entropySlope(double gap) {
            double mu = 1.0 / (m - 1);
            if (exponent == 1.0) {
                return -m * mu / gap;
            }
            return -m * Math.pow(mu, exponent) * Math.pow(gap, -exponent);
        }

        /** d^2/dDelta^2 of {@link #entropy}. */
        private double entropyCurvature(double gap) {
            double mu = 1.0 / (m - 1);
            if (exponent == 1.0) {
                return m * mu / (gap * gap);
            }
            return m * Math.pow(mu, exponent) * exponent * Math.pow(gap, -exponent - 1);
        }

        private static boolean sorted(double[] x) {
            for (int k = 1; k < x.length; k++) {
                if (x[k] < x[k - 1]) {
                    return false;
                }
            }
            return true;
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * b[i];
            }
            return s;
        }

        @Override
        public void addStatistics(Map<String, Double> totals) {
            totals.merge("steps", (double) steps, Double::sum);
            totals.merge("newtonIterations", (double) iterations, Double::sum);
        }
    }
}
