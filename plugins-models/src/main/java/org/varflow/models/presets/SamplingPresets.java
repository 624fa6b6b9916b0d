package org.varflow.models.presets;

import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;

/**
 * The sampling and phase-space methods: noise turns a gradient flow into a sampler, and the Poisson operator J turns
 * it into mechanics.
 *
 * <p>Parts by id: space and metric {@code euclidean} and scheme {@code euler} / {@code euler-maruyama} in core;
 * entropies {@code none}, {@code boltzmann}, {@code annealed} and noises {@code none}, {@code thermal} in
 * plugins-noise; space {@code phase-space} and metrics {@code symplectic}, {@code underdamped},
 * {@code phase-gradient} in plugins-geometry; schemes {@code mala}, {@code minibatch}, {@code leapfrog},
 * {@code baoab} in plugins-schemes; energies {@code quadratic}, {@code double-well}, {@code bayes-linear-regression}
 * in this module.
 */
public final class SamplingPresets {
    /** Polyak's optimal heavy-ball parameters for the spectrum [1, 100]: alpha = 4/121, mu = 81/121. */
    static final double HEAVY_BALL_ALPHA = 4.0 / 121.0;
    static final double HEAVY_BALL_MU = 81.0 / 121.0;
    /** The BAOAB step and friction that realise them at T = 0: h^2 = 2 alpha / (1 + mu), c = exp(-gamma h) = mu. */
    public static final double HEAVY_BALL_DT = Math.sqrt(2 * HEAVY_BALL_ALPHA / (1 + HEAVY_BALL_MU));
    public static final double HEAVY_BALL_FRICTION = -Math.log(HEAVY_BALL_MU) / HEAVY_BALL_DT;

    private SamplingPresets() {
    }

    /** Every preset of the sampling package. */
    public static List<Preset> all() {
        return List.of(hamiltonian(), gradientFlowPhase(), underdampedLangevin(), heavyBall(), mala(), sgd(), sgld(),
                annealedLangevin());
    }

    private static FlowSpec spec(String id, PartChoice space, PartChoice metric, PartChoice energy,
                                 PartChoice entropy, PartChoice noise, PartChoice scheme, Long steps, Double time,
                                 double dt, long seed, int particles) {
        return new FlowSpec(id, Map.of(PartKind.SPACE, space, PartKind.METRIC, metric, PartKind.ENERGY, energy,
                PartKind.ENTROPY, entropy, PartKind.NOISE, noise, PartKind.SCHEME, scheme),
                steps, time, dt, seed, particles, null);
    }

    private static PartChoice oscillator() {
        return PartChoice.of("phase-space").with("dimension", 1).with("q0", "1").with("p0", "0").with("mass", 1.0);
    }

    /** Hamilton's equations of the harmonic oscillator by leapfrog: a closed orbit. */
    public static Preset hamiltonian() {
        FlowSpec spec = spec("hamiltonian", oscillator(), PartChoice.of("symplectic"),
                PartChoice.of("quadratic").with("diag", "1"), PartChoice.of("none"), PartChoice.of("none"),
                PartChoice.of("leapfrog"), 1000L, null, 0.1, 1L, 1);
        return new Preset("hamiltonian",
                "Hamiltonian flow on phase space (harmonic oscillator, leapfrog): a closed orbit, energy conserved",
                "dq/dt = dH/dp = p/m,  dp/dt = -dH/dq = -grad E(q);  x' = J grad H,  J = [[0, I], [-I, 0]];"
                        + "  leapfrog: p -= (h/2) grad E(q), q += h p/m, p -= (h/2) grad E(q)",
                "The corner K = 0, J = [[0, I], [-I, 0]], beta = infinity of dx = [-K grad H + J grad H"
                        + " + beta^-1 div K] dt + sqrt(2 beta^-1 K) dW on phase space x = (q, p), with the energy E(q)"
                        + " lifted to H(q, p) = E(q) + |p|^2 / 2m. J is antisymmetric, so dH/dt = <grad H, J grad "
                        + "H> = 0:"
                        + " nothing is dissipated and the state orbits on the level set H = H(x0) instead of "
                        + "descending."
                        + " For E = q^2/2, m = 1 the orbit is the unit circle q = cos t, p = -sin t (period 2 pi, so"
                        + " 1000 steps of h = 0.1 are about 16 turns). Leapfrog is symplectic (area-preserving,"
                        + " Jacobian determinant 1) and time-reversible; it conserves H~ = p^2/2 + (1 - h^2/4) q^2/2"
                        + " exactly, so H_k - H_0 = (h^2/8)(q_k^2 - q_0^2) lies in [-h^2/8, 0] = [-1.25e-3, 0] for"
                        + " h = 0.1 at every step, for ever, and the orbit stays on an ellipse within h^2/4 of the "
                        + "circle;"
                        + " explicit Euler on the same flow gains a factor 1 + h^2 in H per step. Contrast:"
                        + " gradient-flow-phase (K = I, J = 0, same H) spirals into the minimum; adding friction and"
                        + " noise gives underdamped-langevin.",
                List.of("W. R. Hamilton (1834), On a general method in dynamics, Phil. Trans. R. Soc. 124, 247-308",
                        "L. Verlet (1967), Computer experiments on classical fluids, Phys. Rev. 159, 98-103",
                        "E. Hairer, C. Lubich, G. Wanner (2003), Geometric numerical integration illustrated by the"
                                + " Stormer-Verlet method, Acta Numerica 12, 399-450"),
                spec);
    }

    /** The gradient flow of the same H: convergence instead of an orbit. */
    public static Preset gradientFlowPhase() {
        FlowSpec spec = spec("gradient-flow-phase", oscillator(), PartChoice.of("phase-gradient"),
                PartChoice.of("quadratic").with("diag", "1"), PartChoice.of("none"), PartChoice.of("none"),
                PartChoice.of("euler"), 1000L, null, 0.1, 1L, 1);
        return new Preset("gradient-flow-phase",
                "gradient flow of the Hamiltonian on phase space: the dissipative contrast to 'hamiltonian'",
                "dq/dt = -grad E(q),  dp/dt = -p/m;  x' = -K grad H with K = I, J = 0;  explicit Euler",
                "The same space and H(q, p) = E(q) + |p|^2/2m as the preset hamiltonian, but the corner K = I, J = 0:"
                        + " steepest descent of H instead of Hamilton's equations, so dH/dt = -|grad H|^2 < 0 and the"
                        + " state slides into the minimum (q, p) = (0, 0) instead of orbiting. For E = q^2/2, m = 1:"
                        + " q(t) = e^-t, p = 0, H(t) = e^-2t / 2; explicit Euler with h = 0.1 multiplies q by 0.9 "
                        + "per step,"
                        + " H after 1000 steps is 0.5 * 0.81^1000 (below 1e-90). The seed figure 'Hamiltonian vs "
                        + "gradient"
                        + " flow': closed orbits versus convergence, from one H and a different (K, J).",
                List.of("A. Cauchy (1847), Methode generale pour la resolution des systemes d'equations simultanees,"
                                + " C. R. Acad. Sci. Paris 25, 536-538",
                        "Y.-A. Ma, T. Chen, E. B. Fox (2015), A complete recipe for stochastic gradient MCMC,"
                                + " NeurIPS 28"),
                spec);
    }

    /** Underdamped Langevin on the harmonic oscillator, by BAOAB. */
    public static Preset underdampedLangevin() {
        FlowSpec spec = spec("underdamped-langevin", oscillator(),
                PartChoice.of("underdamped").with("friction", 1.0), PartChoice.of("quadratic").with("diag", "1"),
                PartChoice.of("boltzmann").with("beta", 1.0), PartChoice.of("thermal"), PartChoice.of("baoab"),
                null, 20.0, 0.1, 42L, 10_000);
        return new Preset("underdamped-langevin",
                "underdamped (kinetic) Langevin dynamics by BAOAB: momentum, friction and momentum noise, sampling"
                        + " exp(-beta H)",
                "dq = p/m dt,  dp = -grad E(q) dt - gamma p dt + sqrt(2 gamma m / beta) dW;  BAOAB: B, A, O (p = c p"
                        + " + sqrt((1 - c^2) m / beta) xi, c = exp(-gamma h)), A, B",
                "Both operators at once: J = [[0, I], [-I, 0]] for the conservative part and K = [[0, 0], [0, gamma m"
                        + " I]] (metric underdamped) for friction on the momenta, with thermal noise of covariance"
                        + " 2 h beta^-1 K, i.e. on p only. Its stationary law is exp(-beta H) / Z, H = E(q) + |p|^2/2m:"
                        + " q ~ exp(-beta E), p ~ N(0, m / beta), independent. BAOAB (Leimkuhler-Matthews) samples the"
                        + " q-marginal of a quadratic E exactly at every stable h (<q^2> = 1/beta here) while <p^2> ="
                        + " (1/beta)(1 - h^2/4) = 0.9975 for h = 0.1. Limits: beta = infinity (entropy none) gives the"
                        + " damped oscillator / heavy-ball method; gamma = 0 gives Hamiltonian flow (leapfrog);"
                        + " gamma -> infinity gives overdamped Langevin in the slow time t / gamma"
                        + " (dq = -grad E dt/(gamma m) + sqrt(2/(beta gamma m)) dW).",
                List.of("B. Leimkuhler, C. Matthews (2013), Rational construction of stochastic numerical methods"
                                + " for molecular sampling, Appl. Math. Res. Express 2013(1), 34-56",
                        "H. A. Kramers (1940), Brownian motion in a field of force and the diffusion model of chemical"
                                + " reactions, Physica 7, 284-304",
                        "Y.-A. Ma, T. Chen, E. B. Fox (2015), A complete recipe for stochastic gradient MCMC,"
                                + " NeurIPS 28"),
                spec);
    }

    /** Polyak's heavy ball as the zero-temperature BAOAB, with the optimal parameters for the spectrum [1, 100]. */
    public static Preset heavyBall() {
        FlowSpec spec = spec("heavy-ball",
                PartChoice.of("phase-space").with("dimension", 2).with("q0", "1,1").with("p0", "0").with("mass", 1.0),
                PartChoice.of("underdamped").with("friction", HEAVY_BALL_FRICTION),
                PartChoice.of("quadratic").with("diag", "1,100"), PartChoice.of("none"), PartChoice.of("none"),
                PartChoice.of("baoab"), 150L, null, HEAVY_BALL_DT, 1L, 1);
        return new Preset("heavy-ball",
                "Polyak's heavy-ball momentum = underdamped dynamics at zero temperature (BAOAB without noise)",
                "dq/dt = p/m,  dp/dt = -grad E(q) - gamma p;  BAOAB at T = 0 is q_{k+1} = q_k - alpha grad E(q_k)"
                        + " + mu (q_k - q_{k-1}),  alpha = h^2 (1 + c) / 2m,  mu = c = exp(-gamma h)",
                "The zero-temperature (entropy none, noise none) limit of underdamped-langevin: J plus friction gamma"
                        + " on the momenta, dH/dt = -gamma |p|^2/m. Its BAOAB discretisation is exactly Polyak's"
                        + " heavy-ball method with step alpha = h^2 (1 + c)/2m and momentum mu = c = exp(-gamma h). "
                        + "Here"
                        + " E = (q1^2 + 100 q2^2)/2 (condition number kappa = 100) and h, gamma are chosen to give"
                        + " Polyak's optimal alpha = 4/(sqrt L + sqrt l)^2 = 4/121, mu = ((sqrt kappa - 1)/(sqrt kappa"
                        + " + 1))^2 = 81/121: h = sqrt(2 alpha/(1 + mu)) = 2/sqrt(101) = 0.19901, gamma = "
                        + "ln(121/81)/h ="
                        + " 2.0167. The error then contracts like k (9/11)^k, rate sqrt(mu) = 9/11 = 0.818 per step,"
                        + " against (kappa - 1)/(kappa + 1) = 99/101 = 0.980 for the best fixed-step gradient descent:"
                        + " about 10 times fewer steps (sqrt kappa instead of kappa). With friction 0 it would orbit"
                        + " for ever (hamiltonian); with entropy and thermal noise it samples (underdamped-langevin).",
                List.of("B. T. Polyak (1964), Some methods of speeding up the convergence of iteration methods,"
                                + " USSR Comput. Math. Math. Phys. 4(5), 1-17",
                        "B. Leimkuhler, C. Matthews (2013), Rational construction of stochastic numerical methods"
                                + " for molecular sampling, Appl. Math. Res. Express 2013(1), 34-56"),
                spec);
    }

    /** MALA on the Ornstein-Uhlenbeck target at a step where ULA is visibly biased. */
    public static Preset mala() {
        FlowSpec spec = spec("mala",
                PartChoice.of("euclidean").with("dimension", 1).with("x0", "1"), PartChoice.of("euclidean"),
                PartChoice.of("quadratic").with("diag", "1"), PartChoice.of("boltzmann").with("beta", 1.0),
                PartChoice.of("thermal"), PartChoice.of("mala"), 200L, null, 0.5, 42L, 10_000);
        return new Preset("mala",
                "Metropolis-adjusted Langevin: the Langevin step as a proposal, accepted or rejected, exact at any h",
                "y = x - h grad E(x) + sqrt(2h/beta) xi;  accept with probability min(1, exp(-beta (E(y) - E(x)))"
                        + " q(x|y) / q(y|x)),  q(y|x) = N(y; x - h grad E(x), 2h/beta)",
                "Langevin dynamics (K = I, J = 0, thermal noise at beta) whose Euler-Maruyama step is corrected by a"
                        + " Metropolis-Hastings test, so the chain is reversible with respect to the Gibbs law"
                        + " exp(-beta E)/Z at every step size. Here E = x^2/2 and h = 0.5: unadjusted Langevin (scheme"
                        + " euler-maruyama) would sample N(0, (1/beta)/(1 - h/2)) = N(0, 1.333), MALA samples N(0, 1)"
                        + " and reports its acceptance rate (about 0.9 here) under scheme.acceptanceRate. As h -> 0 the"
                        + " acceptance tends to 1 and MALA becomes ULA; at T = 0 it is gradient descent that refuses"
                        + " uphill steps.",
                List.of("G. O. Roberts, R. L. Tweedie (1996), Exponential convergence of Langevin distributions and"
                                + " their discrete approximations, Bernoulli 2(4), 341-363",
                        "P. J. Rossky, J. D. Doll, H. L. Friedman (1978), Brownian dynamics as smart Monte Carlo"
                                + " simulation, J. Chem. Phys. 69, 4628-4633"),
                spec);
    }

    private static PartChoice regressionSpace() {
        return PartChoice.of("euclidean").with("dimension", 2).with("x0", "0");
    }

    private static PartChoice minibatch() {
        return PartChoice.of("minibatch").with("batchSize", 10).with("sampling", "without-replacement")
                .with("schedule", "welling-teh").with("decayOffset", 1.0).with("decayPower", 0.55);
    }

    /** SGD on Bayesian linear regression with the Welling-Teh step decay. */
    public static Preset sgd() {
        FlowSpec spec = spec("sgd", regressionSpace(), PartChoice.of("euclidean"),
                PartChoice.of("bayes-linear-regression"), PartChoice.of("none"), PartChoice.of("none"), minibatch(),
                3000L, null, 1e-3, 1L, 1);
        return new Preset("sgd",
                "stochastic gradient descent: gradient descent with a minibatch estimate of grad E and a decaying step",
                "x_{k+1} = x_k - h_k g_k,  g_k = grad r(x_k) + (n/|B|) sum_{i in B_k} grad f_i(x_k),"
                        + "  h_k = dt (1 + k/b)^-gamma",
                "Gradient descent (K = I, J = 0, beta = infinity) on a finite-sum energy E = r + sum_i f_i, here the"
                        + " negative log-posterior of Bayesian linear regression on the shipped data (100 examples,"
                        + " sigma = 0.5, prior N(0, I); minimiser = posterior mean = MAP (0.4948, -1.0023)), with the"
                        + " gradient replaced by an unbiased estimate from |B| = 10 examples drawn without replacement."
                        + " The estimate's covariance Sigma makes SGD behave like Langevin dynamics at temperature"
                        + " T_sgd = h tr Sigma / 2d (reported as scheme.sgdTemperature); the Welling-Teh schedule"
                        + " h_k = a (b + k)^-gamma (here a = dt b^gamma, b = 1, gamma = 0.55, h from 1e-3 to 1.2e-5 "
                        + "over"
                        + " 3000 steps)"
                        + " meets the Robbins-Monro conditions sum h_k = infinity, sum h_k^2 < infinity, so the"
                        + " iterate converges to the minimiser. The reported time is steps x dt; the Langevin time"
                        + " integrated is sum h_k (scheme.langevinTime = 0.080). With thermal noise at beta = 1 it is"
                        + " SGLD; with |B| = n, full-batch gradient descent.",
                List.of("H. Robbins, S. Monro (1951), A stochastic approximation method, Ann. Math. Statist. 22(3),"
                                + " 400-407",
                        "L. Bottou, F. E. Curtis, J. Nocedal (2018), Optimization methods for large-scale machine"
                                + " learning, SIAM Review 60(2), 223-311",
                        "S. Mandt, M. D. Hoffman, D. M. Blei (2017), Stochastic gradient descent as approximate"
                                + " Bayesian inference, JMLR 18(134), 1-35"),
                spec);
    }

    /** SGLD: the same with thermal noise at beta = 1, sampling the posterior. */
    public static Preset sgld() {
        FlowSpec spec = spec("sgld", regressionSpace(), PartChoice.of("euclidean"),
                PartChoice.of("bayes-linear-regression"), PartChoice.of("boltzmann").with("beta", 1.0),
                PartChoice.of("thermal"), minibatch(), 3000L, null, 1e-3, 42L, 2000);
        return new Preset("sgld",
                "stochastic gradient Langevin dynamics: SGD plus thermal noise sqrt(2 h_k) xi, sampling the posterior",
                "x_{k+1} = x_k - h_k g_k + sqrt(2 h_k / beta) xi_k,  g_k = grad r(x_k) + (n/|B|) sum_{i in B_k}"
                        + " grad f_i(x_k),  h_k = dt (1 + k/b)^-gamma",
                "Langevin dynamics (K = I, J = 0, thermal noise at beta = 1) whose gradient is the minibatch estimate"
                        + " of SGD: on the negative log-posterior of Bayesian linear regression it samples the"
                        + " posterior N(mu, A^-1), mu = (0.4948, -1.0023), standard deviations (0.0553, 0.0575),"
                        + " correlation -0.43, A = I + Phi^T Phi / sigma^2. The injected noise has variance 2 h_k per"
                        + " step, the minibatch noise h_k^2 Sigma; as h_k decays (Welling-Teh, gamma = 0.55, from 1e-3"
                        + " to 1.2e-5 over 3000 steps) the minibatch part becomes small (T_sgd = h tr Sigma / 2d about"
                        + " 0.02 at the end, with tr Sigma = 6538 at the posterior mean for |B| = 10 of 100 drawn "
                        + "without"
                        + " replacement, so the chains run about 3% too hot) and the ensemble of 2000 chains "
                        + "matches the"
                        + " posterior's mean and covariance within that and its sampling error. Reported time is "
                        + "steps x"
                        + " dt = 3; scheme.langevinTime = sum h_k = 0.080. beta = infinity gives SGD; the full gradient"
                        + " gives ULA.",
                List.of("M. Welling, Y. W. Teh (2011), Bayesian learning via stochastic gradient Langevin dynamics,"
                                + " ICML 2011, 681-688",
                        "Y.-A. Ma, T. Chen, E. B. Fox (2015), A complete recipe for stochastic gradient MCMC,"
                                + " NeurIPS 28"),
                spec);
    }

    /** Annealed Langevin on a tilted double well: from the shallow well to the global one. */
    public static Preset annealedLangevin() {
        FlowSpec spec = spec("annealed-langevin",
                PartChoice.of("euclidean").with("dimension", 1).with("x0", "-1"), PartChoice.of("euclidean"),
                PartChoice.of("double-well").with("tilt", 0.25),
                PartChoice.of("annealed").with("beta", 4.0).with("schedule", "geometric").with("rate", 0.05),
                PartChoice.of("thermal"), PartChoice.of("euler-maruyama"), null, 60.0, 0.02, 42L, 1000);
        return new Preset("annealed-langevin",
                "simulated annealing by Langevin dynamics: cool beta(t) to find the global minimum of a tilted double"
                        + " well",
                "dx = -grad E(x) dt + sqrt(2 / beta(t)) dW,  beta(t) = min(betaMax, beta0 exp(rate t))",
                "Langevin dynamics whose temperature follows a schedule (entropy annealed): at each time the samples"
                        + " relax towards exp(-beta(t) E)/Z(t), which concentrates on the global minimum as beta grows."
                        + " Here E = (x^2 - 1)^2/4 - 0.25 x: a shallow well at x = -0.838 (E = 0.232) and the "
                        + "global one"
                        + " at x = 1.107 (E = -0.264), the barrier at x = -0.270 (E = 0.282), so 0.051 above the "
                        + "shallow"
                        + " well and 0.546 above the deep one. All particles start at x = -1 in the shallow well, where"
                        + " plain gradient descent (entropy none) stays for ever. Starting at T = 1/4 (beta0 = 4, Gibbs"
                        + " mass 87% in the global well) the geometric schedule beta = 4 exp(t/20) cools to T = "
                        + "0.0125 at"
                        + " t = 60 (Gibbs mass 99.99%): while T is well below 0.55 the way back is closed, the way "
                        + "out of"
                        + " the shallow well stays open long enough, and about 98% of the particles end near x = 1.107."
                        + " Schedules: constant (plain Langevin), geometric, logarithmic T0/log(e + rate t) (Hajek's"
                        + " schedule, provably convergent but slow).",
                List.of("S. Kirkpatrick, C. D. Gelatt, M. P. Vecchi (1983), Optimization by simulated annealing,"
                                + " Science 220, 671-680",
                        "S. Geman, D. Geman (1984), Stochastic relaxation, Gibbs distributions, and the Bayesian"
                                + " restoration of images, IEEE Trans. PAMI 6(6), 721-741",
                        "B. Hajek (1988), Cooling schedules for optimal annealing, Math. Oper. Res. 13(2), 311-329",
                        "S. Geman, C.-R. Hwang (1986), Diffusions for global optimization, SIAM J. Control Optim."
                                + " 24(5), 1031-1043"),
                spec);
    }
}
