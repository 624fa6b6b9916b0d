package org.varflow.generative;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The energy slot of a diffusion model: the data law and the score of its Ornstein-Uhlenbeck marginals.
 *
 * <p>E(x) = -log p_0(x), the data law's negative log-density, with dE = -grad log p_0: what the generated samples
 * should end up distributed by (the ensemble mean of E estimates the cross-entropy of the generated law against the
 * data law, equal to the data entropy when they agree). The reverse flows themselves are driven by the time-dependent
 * score s_t, which the {@code Energy} SPI cannot express (it has no time argument): the part therefore also carries
 * the {@link TimeScore} ({@link ScoreEnergy}), read by the scheme {@code reverse-diffusion}. With {@code score=exact}
 * it is the closed-form score of the mixture's marginals; with {@code score=learned} a {@link DenoisingScoreModel}
 * fitted when the part is built, on {@code training} draws of the data law.
 */
public final class DiffusionScoreEnergyFactory implements EnergyFactory {
    static final String ID = "diffusion-score";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "a Gaussian-mixture data law (E = -log p_0) with the exact or a learned score of its OU marginals";
    }

    @Override
    public String formula() {
        return "E(x) = -log p_0(x);  score s_t = grad log p_t, p_t = sum_k w_k N(e^-t mu_k, e^-2t S_k + (1 - e^-2t) I)"
                + " (exact) or s_t = -eps_W(x, t)/sigma_t by denoising score matching (learned)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.choice("data", List.of("mixture-1d", "mixture-2d"),
                        "data law: 0.3 N(-2, 0.25) + 0.7 N(1.5, 0.36), or three 2-D components (space dimension 1 "
                                + "or 2)"),
                Parameter.choice("score", List.of("exact", "learned"),
                        "the closed-form score of the OU marginals, or one fitted by denoising score matching"),
                Parameter.real("horizon", Diffusion.HORIZON, 0.1, 50, "T: the forward process runs on [0, T]"),
                Parameter.real("end", Diffusion.T0, 1e-6, 1, "t0 in (0, T): where the reverse flows stop"),
                Parameter.integer("features", 150, 1, 2000, "random Fourier features of the learned score"),
                Parameter.integer("training", 4000, 10, 1_000_000, "data samples the learned score is fitted on"),
                Parameter.integer("seed", 1, 0, Long.MAX_VALUE, "seed of the training data and features"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        String data = parameters.text("data");
        DiffusedGaussianMixture law = data.equals("mixture-1d") ? DiffusedGaussianMixture.demo1d()
                : DiffusedGaussianMixture.demo2d();
        if (space.dimension() != law.dimension()) {
            throw new ConfigurationException("energy '" + ID + "': data = " + data + " lives in dimension "
                    + law.dimension() + " but the space has dimension " + space.dimension() + "; set"
                    + " space.dimension=" + law.dimension() + " or choose the other data law");
        }
        double horizon = parameters.real("horizon");
        double t0 = parameters.real("end");
        if (!(t0 < horizon)) {
            throw new ConfigurationException("energy '" + ID + "': end = " + t0 + " is not valid; expected a real"
                    + " number in (0, horizon = " + horizon + ")");
        }
        TimeScore score = law;
        if (parameters.text("score").equals("learned")) {
            SplittableRandom rng = new SplittableRandom(parameters.integer("seed"));
            score = DenoisingScoreModel.fit(law.sample((int) parameters.integer("training"), rng.split()),
                    law.dimension(), (int) parameters.integer("features"), 10, t0, horizon, 0.5, 1.5, 1e-6,
                    rng.split());
        }
        return new ScoreEnergy(law, score, horizon, t0);
    }

    /**
     * E = -log p_0 of the data law, carrying the score the reverse flows use.
     *
     * @param law     the data law
     * @param score   the score used by the reverse flows (the law itself when exact)
     * @param horizon T
     * @param t0      the end time of the reverse flows
     */
    public record ScoreEnergy(DiffusedGaussianMixture law, TimeScore score, double horizon,
            double t0) implements Energy {
        @Override
        public double value(double[] x) {
            return -law.logDensity(x, 0);
        }

        @Override
        public void gradient(double[] x, double[] out) {
            law.score(x, 0, out);
            for (int j = 0; j < x.length; j++) {
                out[j] = -out[j];
            }
        }
    }
}
