package org.varflow.measures.particles;

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
import org.varflow.api.SplitsWork;
import org.varflow.api.Workers;
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
 * N = 1000 in one dimension with Silverman's rule). Stable explicit steps need h below about sigma^2 / T.
 *
 * <p>Cost. The kernel sums are O(N^2 d) per step done directly: each pair is visited once, in blocks of
 * {@value #BLOCK} particles. In one dimension the fast Gauss transform ({@link GaussTransform1d}) does them in
 * O(N p + B p^2) with every pair weight represented to within {@code tolerance} (p about 29 terms and B occupied
 * boxes of width sqrt(2) sigma at the default 1e-14, which leaves the sums at rounding level); {@code summation=auto}
 * takes it when its estimated work is below the direct loop's (from a few hundred particles on), {@code direct} and
 * {@code fast-gauss} force either. The direct sums are sequential; the transform's box loops run over the run's
 * workers in a fixed partition; either way results do not depend on threads. Allocation-free per
 * step: the direct sums use the caller's {@code work} (2 N d), the transform its own reused scratch.
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
                Parameter.positive("scale", 1.0, "multiplies the bandwidth the rule gives"),
                Parameter.choice("summation", List.of("auto", "direct", "fast-gauss"), "how the kernel sums are done:"
                        + " direct O(N^2) pairs, the 1-D fast Gauss transform, or auto (the transform in 1-D when its"
                        + " estimated work is smaller)"),
                Parameter.real("tolerance", 1e-14, 1e-15, 1e-2, "fast-gauss: the largest error of each pair's kernel"
                        + " weight (weights are at most 1)"));
    }

    @Override
    public Noise create(Parameters parameters, Space space) {
        if (!(space instanceof EnsembleSpace e)) {
            throw new ConfigurationException("noise 'kde-score' needs an ensemble space, got kind " + space.kind());
        }
        String summation = parameters.text("summation");
        if (summation.equals("fast-gauss") && e.layout().d() != 1) {
            throw new ConfigurationException("noise 'kde-score': summation 'fast-gauss' is for one-dimensional"
                    + " ensembles, this one has d = " + e.layout().d() + "; use 'direct' or 'auto'");
        }
        return new KdeScore(e.layout(), parameters.text("bandwidth"), parameters.real("length"),
                parameters.real("scale"), summation, parameters.real("tolerance"));
    }

    /**
     * The per-run noise: the direct sums use {@code work}, the fast transform keeps its scratch per thread and
     * splits its box loops over the run's workers (bitwise the same sums for any thread count).
     */
    static final class KdeScore implements Noise, SplitsWork {
        private final EnsembleLayout layout;
        private final String rule;
        private final double length;
        private final double scale;
        private final String summation;
        private final ThreadLocal<GaussTransform1d> transform;
        private Workers workers = Workers.sequential();

        KdeScore(EnsembleLayout layout, String rule, double length, double scale, String summation,
                 double tolerance) {
            this.layout = layout;
            this.rule = rule;
            this.length = length;
            this.scale = scale;
            this.summation = layout.d() == 1 ? summation : "direct";
            this.transform = ThreadLocal.withInitial(() -> new GaussTransform1d(tolerance));
        }

        @Override
        public void useWorkers(Workers workers) {
            this.workers = workers;
        }

        /**
         * num into work[0, n d) and den into work[n d, n d + n), by the direct pairs or the fast Gauss transform.
         */
        void kernelSums(double[] x, double sigma, double[] work) {
            int n = layout.n();
            int d = layout.d();
            boolean fast = switch (summation) {
                case "fast-gauss" -> true;
                case "auto" -> transform.get().relativeCost(x, n, sigma) < 1;
                default -> false;
            };
            if (fast) {
                transform.get().sums(x, n, sigma, work, work, n, workers);
            } else {
                KernelSums.gaussian(x, n, d, sigma, work, n * d);
            }
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
            kernelSums(x, sigma, work);
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
    }
}
