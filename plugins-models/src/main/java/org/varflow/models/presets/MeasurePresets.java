package org.varflow.models.presets;

import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;

/**
 * Flows on probability measures, each a composition of the five parts in which the measure itself is the state.
 *
 * <p>Parts by id: spaces {@code ensemble}, {@code grid-1d}, metrics {@code wasserstein}, {@code fisher-rao-density},
 * {@code stein}, energies {@code interaction}, {@code none}, noises {@code kde-score}, {@code stein-repulsion} and
 * schemes {@code density-euler}, {@code jko} in plugins-measures; entropies {@code boltzmann}, {@code tsallis},
 * {@code none} and noises {@code none}, {@code thermal} in plugins-noise; scheme {@code euler-maruyama} in core;
 * energies {@code quadratic}, {@code double-well} in this module.
 */
public final class MeasurePresets {
    private static final String FREE_ENERGY = "The free energy F(rho) = integral V d rho + T integral rho log rho"
            + " (T = 1/beta) is the Lyapunov functional; its Wasserstein gradient flow is the Fokker-Planck equation,"
            + " its minimiser the Gibbs law exp(-V/T)/Z, and F(rho) - F(Gibbs) = T KL(rho | Gibbs).";
    private static final List<String> JKO = List.of("R. Jordan, D. Kinderlehrer, F. Otto (1998), The variational"
            + " formulation of the Fokker-Planck equation, SIAM J. Math. Anal. 29(1), 1-17",
            "F. Otto (2001), The geometry of dissipative evolution equations: the porous medium equation, Comm. PDE"
                    + " 26, 101-174");

    private MeasurePresets() {
    }

    /** The presets of this class. */
    public static List<Preset> all() {
        return List.of(fokkerPlanck(), heat(), porousMedium(), aggregation(), fisherRaoDensity(),
                particleFokkerPlanck(), particleFokkerPlanckKde(), svgd(), jko());
    }

    private static FlowSpec spec(String id, PartChoice space, PartChoice metric, PartChoice energy,
                                 PartChoice entropy, PartChoice noise, PartChoice scheme, double time, double dt,
                                 Integer every) {
        return new FlowSpec(id, Map.of(PartKind.SPACE, space, PartKind.METRIC, metric, PartKind.ENERGY, energy,
                PartKind.ENTROPY, entropy, PartKind.NOISE, noise, PartKind.SCHEME, scheme),
                null, time, dt, 1L, 1, every);
    }

    /** The OU start of the grid presets: N(2, 0.5^2) on [-8, 8] with 200 cells. */
    private static PartChoice ouGrid() {
        return PartChoice.of("grid-1d").with("cells", 200).with("lower", -8).with("upper", 8).with("mean", "2")
                .with("std", "0.5");
    }

    public static Preset fokkerPlanck() {
        FlowSpec spec = spec("fokker-planck", ouGrid(), PartChoice.of("wasserstein"), PartChoice.of("quadratic"),
                PartChoice.of("boltzmann").with("beta", 1.0), PartChoice.of("none"), PartChoice.of("density-euler"),
                6.0, 0.002, 30);
        return new Preset("fokker-planck",
                "Fokker-Planck equation on a grid: the Wasserstein gradient flow of the free energy, by finite volumes",
                "d rho/dt = div(rho grad V) + T Laplacian rho = div(rho grad dF/drho);  Scharfetter-Gummel fluxes"
                        + " J = (T/dx)[B(dV/T) rho_i - B(-dV/T) rho_{i+1}], B(z) = z/(e^z - 1); explicit steps below"
                        + " the positivity limit",
                "The law of the samples of Langevin dynamics dx = -grad V dt + sqrt(2T) dW, computed as a density:"
                        + " space grid-1d, metric wasserstein (K = -div(rho grad .)), entropy boltzmann, no noise. "
                        + FREE_ENERGY + " Here V = x^2/2, T = 1, from N(2, 1/4): the Ornstein-Uhlenbeck law"
                        + " N(2e^-t, 1 - 0.75 e^-2t), KL(rho_t | N(0,1)) in closed form; the Scharfetter-Gummel step"
                        + " keeps mass (to rounding) and positivity, and its stationary state is exactly the discrete"
                        + " Gibbs density. Diagnostics: observers.kl-to-gibbs, free-energy, w2-to-gibbs, mass. The"
                        + " same flow by particles: particle-fokker-planck; by minimizing movement: jko; under the"
                        + " Fisher-Rao metric instead: fisher-rao-density.",
                JKO, spec);
    }

    public static Preset heat() {
        FlowSpec spec = spec("heat", PartChoice.of("grid-1d").with("cells", 300).with("lower", -15)
                        .with("upper", 15).with("std", "1"), PartChoice.of("wasserstein"), PartChoice.of("none"),
                PartChoice.of("boltzmann").with("beta", 1.0), PartChoice.of("none"), PartChoice.of("density-euler"),
                2.0, 0.004, 5);
        return new Preset("heat",
                "the heat equation as the Wasserstein gradient flow of the entropy integral rho log rho",
                "d rho/dt = T Laplacian rho = div(rho grad (T log rho));  F(rho) = T integral rho log rho",
                "Energy none, entropy boltzmann, metric wasserstein: the steepest descent of the entropy in W2 is the"
                        + " heat equation (Jordan-Kinderlehrer-Otto). From N(0, 1): rho_t = N(0, 1 + 2Tt), the"
                        + " entropy integral rho log rho = -log(2 pi e (1 + 2t))/2 falls at the rate of the Fisher"
                        + " information 1/(1 + 2t); on the grid the variance grows exactly like 2t (the discrete"
                        + " Laplacian of x^2 is 2). With entropy tsallis instead: porous-medium.",
                JKO, spec);
    }

    public static Preset porousMedium() {
        FlowSpec spec = spec("porous-medium", PartChoice.of("grid-1d").with("cells", 300).with("lower", -3)
                        .with("upper", 3).with("std", "0.3"), PartChoice.of("wasserstein"), PartChoice.of("none"),
                PartChoice.of("tsallis").with("m", 2.0).with("beta", 1.0), PartChoice.of("none"),
                PartChoice.of("density-euler").with("stability", "substep"), 1.0, 0.01, null);
        return new Preset("porous-medium",
                "the porous-medium equation as the Wasserstein gradient flow of the Tsallis entropy rho^m/(m-1)",
                "d rho/dt = T Laplacian(rho^m);  F(rho) = T integral rho^m / (m - 1);  pressure rho^m differenced"
                        + " centrally, explicit substeps below dt <= dx^2 / (2 T m max rho^(m-1))",
                "Energy none, entropy tsallis (m = 2), metric wasserstein (Otto 2001). Solutions have compact support"
                        + " spreading at finite speed and approach the self-similar Barenblatt profile"
                        + " t^(-1/3) (C - x^2 / (12 t^(2/3)))_+ (m = 2, mass 1); m -> 1 gives the heat equation.",
                JKO, spec);
    }

    public static Preset aggregation() {
        FlowSpec spec = spec("aggregation", PartChoice.of("grid-1d").with("cells", 160).with("lower", -4)
                        .with("upper", 4).with("law", "bimodal").with("std", "0.4"), PartChoice.of("wasserstein"),
                PartChoice.of("interaction").with("kernel", "gaussian").with("strength", 3.0).with("length", 1.0),
                PartChoice.of("boltzmann").with("beta", 5.0), PartChoice.of("none"),
                PartChoice.of("density-euler").with("stability", "substep"), 3.0, 0.01, null);
        return new Preset("aggregation",
                "aggregation-diffusion: an attractive interaction pulls the measure together against weak diffusion",
                "d rho/dt = div(rho grad(W * rho)) + T Laplacian rho;  F = (1/2) integral integral W(x - y) d rho d rho"
                        + " + T integral rho log rho,  W(z) = -s exp(-z^2 / 2 l^2)",
                "Energy interaction (a functional of the whole measure, not a potential: its first variation W * rho"
                        + " depends on rho), entropy boltzmann at a low temperature, metric wasserstein. The two"
                        + " bumps at +-1.5 merge into one (McKean-Vlasov / Keller-Segel type); with entropy none the"
                        + " flow is pure aggregation. On particles: space ensemble with the same energy.",
                List.of("J. A. Carrillo, R. J. McCann, C. Villani (2003), Kinetic equilibration rates for granular"
                        + " media and related equations, Rev. Mat. Iberoam. 19, 971-1018"), spec);
    }

    public static Preset fisherRaoDensity() {
        FlowSpec spec = spec("fisher-rao-density", ouGrid(), PartChoice.of("fisher-rao-density"),
                PartChoice.of("quadratic"), PartChoice.of("boltzmann").with("beta", 1.0), PartChoice.of("none"),
                PartChoice.of("density-euler"), 6.0, 0.005, 12);
        return new Preset("fisher-rao-density",
                "the Fisher-Rao (birth-death, replicator) gradient flow of the free energy: mass reweighted, not moved",
                "d rho/dt = -rho (dF/drho - E_rho[dF/drho]),  dF/drho = V + T (log rho + 1);  solution"
                        + " rho_t ~ rho_0^(e^-t) Gibbs^(1 - e^-t)",
                "The same free energy, space and start as fokker-planck under the metric fisher-rao-density,"
                        + " K c = rho (c - <c>_rho): it reaches the same Gibbs law along a different path. It moves no"
                        + " mass: empty cells stay empty, and it converges at rate 1 whatever V (the Wasserstein flow"
                        + " converges at the log-Sobolev rate of the Gibbs law). From N(2, 1/4) the path is Gaussian"
                        + " with precision 1 + 3e^-t and mean 8e^-t / (1 + 3e^-t). Metric wasserstein-fisher-rao"
                        + " combines both.",
                List.of("Y. Lu, J. Lu, J. Nolen (2019), Accelerating Langevin sampling with birth-death,"
                                + " arXiv:1905.09863",
                        "S. Kondratyev, L. Monsaingeon, D. Vorotnikov (2016), A new optimal transport distance on the"
                                + " space of finite Radon measures, Adv. Differential Equations 21, 1117-1164"), spec);
    }

    private static PartChoice ouEnsemble(int n) {
        return PartChoice.of("ensemble").with("n", n).with("mean", "2").with("std", "0.5");
    }

    public static Preset particleFokkerPlanck() {
        FlowSpec spec = spec("particle-fokker-planck", ouEnsemble(2000), PartChoice.of("wasserstein"),
                PartChoice.of("quadratic"), PartChoice.of("boltzmann").with("beta", 1.0), PartChoice.of("thermal"),
                PartChoice.of("euler-maruyama"), 6.0, 0.01, 30);
        return new Preset("particle-fokker-planck",
                "Fokker-Planck by particles: the ensemble as one state, the entropy realised by thermal noise",
                "dx_p = -grad V(x_p) dt + sqrt(2T) dW_p;  rho_N = (1/N) sum delta_{x_p} -> rho_t solving"
                        + " d rho/dt = div(rho grad V) + T Laplacian rho",
                "Space ensemble (N = 2000 particles as one state, E = sum_p V(x_p) = N integral V d rho_N), metric"
                        + " wasserstein (per-particle Euclidean), entropy boltzmann, noise thermal: overdamped"
                        + " Langevin particles whose empirical law follows the Fokker-Planck equation (the same flow"
                        + " as fokker-planck on a grid). The entropy appears as noise; realised deterministically it"
                        + " is particle-fokker-planck-kde. The same law: at T = 1 the particles reach N(0, 1) up to"
                        + " sampling error (variance within about 5 sqrt(2/N)) and the Euler-Maruyama bias T/(1 - h/2)."
                        + " Diagnostics: observers.w2-to-gibbs (exact 1-D W2 to the Gibbs law), measure-moments.",
                List.of("A.-S. Sznitman (1991), Topics in propagation of chaos, Ecole d'Ete de Probabilites de"
                        + " Saint-Flour XIX, LNM 1464"), spec);
    }

    public static Preset particleFokkerPlanckKde() {
        FlowSpec spec = spec("particle-fokker-planck-kde", ouEnsemble(1000).with("placement", "quantiles"),
                PartChoice.of("wasserstein"), PartChoice.of("quadratic"),
                PartChoice.of("boltzmann").with("beta", 1.0), PartChoice.of("kde-score"),
                PartChoice.of("euler-maruyama"), 6.0, 0.01, 30);
        return new Preset("particle-fokker-planck-kde",
                "Fokker-Planck by particles with deterministic entropic repulsion from a kernel density score",
                "dx_p/dt = -grad V(x_p) - T grad log rho^(x_p),  rho^ = (1/N) sum_q N(x_p; x_q, sigma^2);  sigma by"
                        + " Silverman's rule",
                "The same parts as particle-fokker-planck with noise kde-score: the entropy's Wasserstein velocity"
                        + " -T grad log rho is computed from a Gaussian kernel density estimate instead of being"
                        + " realised by Brownian increments (seed 004's jko_particles). No random numbers; in one"
                        + " dimension the kernel sums take a fast Gauss transform (O(N) per step, each pair weight to"
                        + " 1e-14), else O(N^2) pairs in blocks. The particles sample the Gibbs law deconvolved by "
                        + "the kernel: for V = x^2/2,"
                        + " T = 1 their variance tends to about 1 - sigma^2 (0.93 for N = 1000), within the sampling"
                        + " tolerance of the thermal version.",
                List.of("J. A. Carrillo, K. Craig, F. S. Patacchini (2019), A blob method for diffusion, Calc. Var."
                        + " PDE 58, 53"), spec);
    }

    public static Preset svgd() {
        FlowSpec spec = spec("svgd", PartChoice.of("ensemble").with("n", 100).with("d", 2).with("mean", "0")
                        .with("std", "0.5"), PartChoice.of("stein"),
                PartChoice.of("quadratic").with("diag", "2").with("b", "2"),
                PartChoice.of("boltzmann").with("beta", 1.0), PartChoice.of("stein-repulsion"),
                PartChoice.of("euler-maruyama"), 60.0, 0.1, 12);
        return new Preset("svgd",
                "Stein variational gradient descent: particles in the kernelised Wasserstein (Stein) geometry",
                "dx_p/dt = (1/N) sum_q [k(x_p, x_q) (-grad V(x_q)) + T grad_{x_q} k(x_p, x_q)],  k Gaussian, median"
                        + " bandwidth;  = -K dE + T div K;  a deterministic flow: the scheme euler-maruyama adds the"
                        + " noise's increment h T div K, no random numbers, so each step is explicit Euler",
                "Space ensemble, metric stein (K = (1/N)[k(x_p, x_q)] (x) I), the KL to the target exp(-V/T) as energy"
                        + " V plus entropy boltzmann, and the entropy realised by noise stein-repulsion: T div K, the"
                        + " exact integration by parts of -T K grad log rho (no density estimate). Here the target is"
                        + " N((1, 1), I/2) (V = |x|^2 - 2(x_1 + x_2)). With noise thermal instead (and a fixed"
                        + " bandwidth) it is Stein-Langevin; with entropy none the particles collapse onto the mode."
                        + " Finite-N SVGD underestimates variances (about 10% here for N = 100).",
                List.of("Q. Liu, D. Wang (2016), Stein variational gradient descent: a general purpose Bayesian"
                                + " inference algorithm, NeurIPS 29",
                        "Q. Liu (2017), Stein variational gradient descent as gradient flow, NeurIPS 30"), spec);
    }

    public static Preset jko() {
        FlowSpec spec = spec("jko", PartChoice.of("ensemble").with("n", 400).with("placement", "quantiles")
                        .with("mean", "1.5").with("std", "0.3"), PartChoice.of("wasserstein"),
                PartChoice.of("double-well"), PartChoice.of("boltzmann").with("beta", 2.0), PartChoice.of("none"),
                PartChoice.of("jko"), 1.0, 0.05, 1);
        return new Preset("jko",
                "the JKO scheme: minimizing movement in W2, in quantile coordinates on the line",
                "x^{n+1} = argmin_y E(y) + T S(y) + |y - x^n|^2 / 2h,  S = M sum_j Delta_j U(mu/Delta_j) over the"
                        + " gaps Delta_j = y_{j+1} - y_j;  W2^2 = (1/M) |y - x|^2",
                "rho_{k+1} = argmin F(rho) + W2^2(rho, rho_k) / 2h, the implicit Euler step of the Wasserstein"
                        + " gradient flow, made concrete on the line where a sorted ensemble is the quantile function"
                        + " and W2 is Euclidean; each step solved by Newton to a tolerance, a strictly convex problem"
                        + " when h times the most negative curvature of V is below 1 (here V'' >= -1 and h = 0.05). "
                        + FREE_ENERGY + " Here the double well V = (x^2 - 1)^2/4 at T = 1/2 from"
                        + " N(1.5, 0.09) with M = 400 quantile points; as h -> 0 it converges (first order) to the"
                        + " finite-volume solution of fokker-planck.",
                JKO, spec);
    }
}
