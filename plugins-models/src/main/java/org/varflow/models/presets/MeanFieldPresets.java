package org.varflow.models.presets;

import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;

/**
 * The mean-field network preset. Parts by id: energy {@code mean-field-network} (this module), space
 * {@code ensemble} and metric {@code wasserstein} (plugins-measures), entropy and noise {@code none} (plugins-noise),
 * scheme {@code euler} (core).
 */
public final class MeanFieldPresets {
    /** The preset's time step: mean-field time, the same for every width (see {@link WidthSweep}). */
    public static final double DT = 0.2;
    /** Default width m. */
    public static final int WIDTH = 200;
    /** Default number of epochs (full-batch steps). */
    public static final int EPOCHS = 1500;

    private MeanFieldPresets() {
    }

    public static List<Preset> all() {
        return List.of(meanFieldNetwork());
    }

    /** The ensemble of m neurons drawn from N(0, I_3), seeded by {@code seed}. */
    public static PartChoice neurons(int width, long seed) {
        return PartChoice.of("ensemble").with("n", width).with("d", 3).with("law", "gaussian").with("mean", "0")
                .with("std", "1").with("seed", seed);
    }

    public static Preset meanFieldNetwork() {
        FlowSpec spec = new FlowSpec("mean-field-network", Map.of(
                PartKind.SPACE, neurons(WIDTH, 1),
                PartKind.METRIC, PartChoice.of("wasserstein"),
                PartKind.ENERGY, PartChoice.of("mean-field-network"),
                PartKind.ENTROPY, PartChoice.of("none"),
                PartKind.NOISE, PartChoice.of("none"),
                PartKind.SCHEME, PartChoice.of("euler")),
                (long) EPOCHS, null, DT, 1L, 1, 30);
        return new Preset("mean-field-network",
                "a two-layer ReLU network trained by full-batch gradient descent, seen as the Wasserstein gradient"
                        + " flow of its neurons' law (the mean-field limit)",
                "f(x) = (1/m) sum_i a_i relu(w_i x + b_i) = integral a relu(w x + b) d rho(a, w, b);"
                        + "  R(rho) = (1/2n) sum_k (f(x_k) - y_k)^2;  d theta_i/dt = -grad_theta (dR/drho)(theta_i)"
                        + " = -m grad_theta_i R;  d rho/dt = div(rho grad dR/drho)",
                "Space ensemble (m = 200 neurons theta = (a, w, b) in R^3, drawn from N(0, I)), metric wasserstein"
                        + " (the identity per particle), energy mean-field-network (E = m R on 64 points of"
                        + " sin(pi x) + 0.5 sin(3 pi x) on [-1, 1]), no entropy, no noise, scheme euler: 1500"
                        + " epochs of full-batch gradient descent with step h = 0.2 per neuron in mean-field time"
                        + " (raw learning rate m h on grad R). In this parametrisation the velocity of a neuron is"
                        + " O(1) and the explicit stability limit (between 0.2 and 0.5 here) does not depend on the"
                        + " width, so h is width-independent and as m -> infinity the ensemble follows one PDE, the"
                        + " continuity equation of the mean-field limit (a Wasserstein gradient flow of the convex"
                        + " functional R(rho)). The seed's lr ~ 1/sqrt(m) belongs to the standard parametrisation"
                        + " f = sum a_i relu(.) with a_i ~ 1/sqrt(m), where the function moves at a speed ~ sqrt(m);"
                        + " WidthSweep's SEED rule (h_m = h sqrt(m / m_max)) reproduces that comparison. With an"
                        + " entropy and thermal noise it becomes noisy (Langevin) training of the neurons. The"
                        + " summary's observers.training-loss reports R (energy is E = m R).",
                List.of("S. Mei, A. Montanari, P.-M. Nguyen (2018), A mean field view of the landscape of two-layer"
                                + " neural networks, PNAS 115(33), E7665-E7671",
                        "L. Chizat, F. Bach (2018), On the global convergence of gradient descent for "
                                + "over-parameterized"
                                + " models using optimal transport, NeurIPS 31",
                        "G. M. Rotskoff, E. Vanden-Eijnden (2018), Parameters as interacting particles: long time"
                                + " convergence and asymptotic error scaling of neural networks, NeurIPS 31"),
                spec);
    }
}
