package org.varflow.geometry.wasserstein.particles;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.NumericalException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartKind;
import org.varflow.api.RandomStream;
import org.varflow.api.Space;
import org.varflow.api.measure.EnsembleLayout;
import org.varflow.api.measure.MeasureKinds;

/**
 * The entropy of an ensemble realised deterministically, by entropic repulsion: instead of Brownian increments,
 * each step moves the particles along the entropy's Wasserstein velocity computed from a Gaussian kernel density
 * estimate rho^(x) = (1/N) sum_q phi_sigma(x - x_q):
 *
 * <pre>
 *   out += -h K(X) c,   c_p = T grad log rho^(x_p)   (the gradient of dF/drho = T (log rho + 1) at x_p)
 *   grad log rho^(x_p) = sum_q w_pq (x_q - x_p) / (sigma^2 sum_q w_pq),   w_pq = exp(-|x_p - x_q|^2 / 2 sigma^2)
 * </pre>
 *
 * (the self term q = p included), so that with the energy's drift the particles follow x' = -grad(V + T log rho^):
 * the same Fokker-Planck equation as thermal noise, deterministically (seed 004's "jko_particles"). Bandwidth rules,
 * with s the root mean per-axis variance of the cloud, recomputed every step: Silverman sigma = (4/(d+2))^(1/(d+4))
 * N^(-1/(d+4)) s, Scott sigma = N^(-1/(d+4)) s, or a fixed length; all times {@code scale}.
 *
 * <p>The temperature is the entropy part's; the entropy is taken to be Boltzmann's (a noise part is not told which
 * entropy the run has, so a Tsallis entropy is not realised here: use a grid and {@code density-euler} for porous
 * media).
 *
 * <p>Known bias: the fixed point satisfies rho * phi_sigma ~ exp(-V/T), so the particles sample the Gibbs law
 * deconvolved by the kernel; for a Gaussian Gibbs law their covariance is Sigma - sigma^2 I (about 7% low for
 * N = 1000 in one dimension with Silverman's rule). The cost is O(N^2 d) per step: each pair is visited once, in
 * blocks of {@value #BLOCK} particles, sequentially, so results do not depend on threads. Stable explicit steps
 * need h below about sigma^2 / T. Allocation-free: all scratch is the caller's {@code work} (2 N d).
 */
public final class KdeScoreNoiseFactory implements NoiseFactory {
    /** Particles per block of the pair loop. */
    static final int BLOCK = 64;

    @Override
    public String id() {
        return "kde-score";
    }

    @Override
    public String summary() {
        return "deterministic entropic repulsion for ensembles: -h T grad log rho^ from a kernel density estimate,"
                + " instead of Brownian noise";
    }

    @Override
    public String formula() {
        return "x_p += -h K T grad U'(rho^)(x_p),  rho^ = (1/N) sum_q N(x_p; x_q, sigma^2 I),  sigma by Silverman /"
                + " Scott / fixed;  no random numbers";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(MeasureKinds.ENSEMBLE);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.choice("bandwidth", List.of("silverman", "scott", "fixed"), "bandwidth rule of the kernel"
                        + " density estimate (silverman, scott: from the cloud's spread at every step)"),
                Parameter.positive("length", 0.1, "fixed only: the bandwidth sigma"),
                Parameter.positive("scale", 1.0, "multiplies the bandwidth the rule gives"));
    }

    @Override
    public Noise create(Parameters parameters, Space space) {
        if (!(space instanceof EnsembleSpace e)) {
            throw new ConfigurationException("noise 'kde-score' needs an ensemble space, got kind " + space.kind());
        }
        return new KdeScore(e.layout(), parameters.text("bandwidth"), parameters.real("length"),
                parameters.real("scale"));
    }

    /** The per-run noise: stateless, all scratch in {@code work}. */
    static final class KdeScore implements Noise {
        private final EnsembleLayout layout;
        private final String rule;
        private final double length;
        private final double scale;

        KdeScore(EnsembleLayout layout, String rule, double length, double scale) {
            this.layout = layout;
            this.rule = rule;
            this.length = length;
            this.scale = scale;
        }

        /** The bandwidth sigma for the cloud x. */
        double bandwidth(double[] x) {
            int n = layout.n();
            int d = layout.d();
            if (rule.equals("fixed")) {
                return length * scale;
            }
            double variance = 0;
            for (int a = 0; a < d; a++) {
                double m = 0;
                for (int p = 0; p < n; p++) {
                    m += x[p * d + a];
                }
                m /= n;
                double v = 0;
                for (int p = 0; p < n; p++) {
                    double z = x[p * d + a] - m;
                    v += z * z;
                }
                variance += v / Math.max(1, n - 1);
            }
            double s = Math.sqrt(variance / d);
            double factor = rule.equals("silverman") ? Math.pow(4.0 / (d + 2), 1.0 / (d + 4)) : 1.0;
            double sigma = factor * Math.pow(n, -1.0 / (d + 4)) * s * scale;
            if (!(sigma > 0)) {
                throw new NumericalException("noise 'kde-score': the ensemble has collapsed to a point (spread " + s
                        + "), so the bandwidth rule '" + rule + "' gives sigma = 0; use bandwidth 'fixed'",
                        PartKind.NOISE);
            }
            return sigma;
        }

        @Override
        public void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng,
                                 double[] work, double[] out) {
            if (!(temperature >= 0)) {
                throw new NumericalException("noise 'kde-score': temperature T = " + temperature + " is not >= 0",
                        PartKind.NOISE);
            }
            if (temperature == 0) {
                return;
            }
            int n = layout.n();
            int d = layout.d();
            int len = n * d;
            double sigma = bandwidth(x);
            // work[0, len): sum_q w_pq (x_q - x_p);  work[len, len + n): sum_q w_pq
            KernelSums.gaussian(x, n, d, sigma, work, len);
            for (int p = 0; p < n; p++) {
                double factor = temperature / (sigma * sigma * work[len + p]);
                for (int a = 0; a < d; a++) {
                    // covector c_p = T grad log rho^(x_p); the entropy pushes along -K c
                    work[p * d + a] = factor * work[p * d + a];
                }
            }
            if (metric instanceof ParticleWassersteinMetric) {
                for (int i = 0; i < len; i++) {
                    out[i] -= h * work[i];
                }
                return;
            }
            System.arraycopy(out, 0, work, len, len);   // keep what out has accumulated
            metric.raise(x, work, out);                  // out = K c
            for (int i = 0; i < len; i++) {
                out[i] = work[len + i] - h * out[i];
            }
        }

        @Override
        public boolean isZero() {
            return false;
        }

        @Override
        public boolean needsTemperature() {
            return true;
        }
    }
}
