package org.varflow.generative;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Flow;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartKind;
import org.varflow.api.Requirement;
import org.varflow.api.Scheme;
import org.varflow.api.Space;
import org.varflow.api.StochasticSchemeFactory;

/**
 * The reverse-time flows of a diffusion model as a scheme (formulas in {@link ReverseDiffusion}).
 *
 * <p>Why a dedicated scheme: the drift y + 2 s_t(y) depends on time through the score, and the {@code Energy} SPI
 * (hence core's {@code euler-maruyama} and {@code dormand-prince}, which integrate -K dE(x)) has no time argument.
 * The scheme reads the score from the energy {@code diffusion-score} ({@link DiffusionScoreEnergyFactory.ScoreEnergy})
 * and maps the run's clock s to the forward time t = T - s; a run of length T - t0 ends at t0, and steps past t0 do
 * nothing.
 *
 * <p>Start: the reverse flows start from N(0, I), a law, while a space starts every particle at one point; so the
 * first step of each particle replaces its state by a draw from N(0, I) from the block's stream (the particle's
 * one-coordinate auxiliary state records that it has started, so checkpoints resume correctly). The state observed
 * at step 0 is therefore the space's x0, not the starting law.
 *
 * <p>Noise: {@code form=sde} needs the thermal noise at temperature 1 (entropy {@code boltzmann}, beta = 1, noise
 * {@code thermal}), whose sqrt(2 h) matches the forward process's sqrt(2) dW; the increment is drawn here, in the
 * exponential form the linear part needs. {@code form=ode} is the deterministic probability-flow ODE (noise
 * {@code none}).
 */
public final class ReverseDiffusionSchemeFactory implements StochasticSchemeFactory {
    static final String ID = "reverse-diffusion";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "reverse-time SDE (exponential Euler-Maruyama) or probability-flow ODE (Heun) of a diffusion model";
    }

    @Override
    public String formula() {
        return "t = T - s;  sde: y = e^h y + 2 (e^h - 1) s_t(y) + sqrt(e^2h - 1) xi;  ode: Heun on y' = y + s_t(y);"
                + " y ~ N(0, I) at s = 0";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }


    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("form", List.of("sde", "ode"),
                "the reverse SDE (needs thermal noise at T = 1) or the probability-flow ODE (noise none)"));
    }

    /** The time-dependent score is read from the energy. */
    static final Requirement<DiffusionScoreEnergyFactory.ScoreEnergy> SCORE = Requirement.of(PartKind.ENERGY,
            DiffusionScoreEnergyFactory.ScoreEnergy.class, "the energy '" + DiffusionScoreEnergyFactory.ID
                    + "' (the scheme reads the time-dependent score from it)");

    @Override
    public List<Requirement<?>> requires() {
        return List.of(SCORE);
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        ReverseDiffusion.Form form = parameters.text("form").equals("sde") ? ReverseDiffusion.Form.SDE
                : ReverseDiffusion.Form.ODE;
        if (form == ReverseDiffusion.Form.SDE
                && (flow.isDeterministic() || Math.abs(flow.temperature(0) - 1) > 1e-12)) {
            throw new ConfigurationException("scheme '" + ID + "' with form = sde needs thermal noise at"
                    + " temperature 1 (entropy boltzmann with beta = 1, noise thermal); got temperature "
                    + flow.temperature(0) + (flow.isDeterministic() ? " and no noise" : "")
                    + "; or set form = ode");
        }
        if (form == ReverseDiffusion.Form.ODE && !flow.isDeterministic()) {
            throw new ConfigurationException("scheme '" + ID + "' with form = ode is the deterministic"
                    + " probability-flow ODE: use noise none (or form = sde)");
        }
        DiffusionScoreEnergyFactory.ScoreEnergy energy = SCORE.get(flow);
        TimeScore score = energy.score();
        double horizon = energy.horizon();
        double t0 = energy.t0();
        return blockFlow -> {
            int d = blockFlow.dimension();
            double[] xi = new double[d];
            double[] k1 = new double[d];
            double[] pred = new double[d];
            double[] k2 = new double[d];
            return (x, aux, step, rng) -> {
                if (step.index() == 0) { // the reverse flow starts from the reference law N(0, I)
                    for (int j = 0; j < d; j++) {
                        x[j] = rng.nextGaussian();
                    }
                }
                double t = horizon - step.time();
                double h = Math.min(step.dt(), t - t0);
                if (!(h > 0)) {
                    return;
                }
                if (form == ReverseDiffusion.Form.SDE) {
                    for (int j = 0; j < d; j++) {
                        xi[j] = rng.nextGaussian();
                    }
                }
                ReverseDiffusion.step(score, form, x, t, h, xi, k1, pred, k2);
            };
        };
    }
}
