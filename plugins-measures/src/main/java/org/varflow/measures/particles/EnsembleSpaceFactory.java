package org.varflow.measures.particles;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.api.init.InitParameters;
import org.varflow.api.init.StartingLaw;
import org.varflow.api.measure.EnsembleLayout;

/**
 * An interacting particle system as one state: N particles in R^d, row-major, standing for the empirical measure
 * rho_N = (1/N) sum_p delta_{x_p}. The starting cloud is drawn from the starting law {@code init} (a Gaussian with
 * per-axis std or full covariance, a uniform box, two modes, or the points of a CSV file: in order when it has N
 * rows, else resampled; see {@link InitParameters}) with its own seed (the run's seed drives the noise, not the
 * starting cloud), or in one dimension placed at the law's mid-quantiles F^-1((k - 1/2)/N) (deterministic, sorted:
 * the quantile coordinates of the 1-D JKO scheme).
 *
 * <p>Energies on R^d chosen for this space are lifted to the extensive potential energy E(X) = sum_p V(x_p)
 * = N integral V d rho_N; see {@link EnsembleSpace}.
 */
public final class EnsembleSpaceFactory implements SpaceFactory {
    /** Largest N d accepted. */
    public static final long MAX_LENGTH = 10_000_000L;

    @Override
    public String id() {
        return "ensemble";
    }

    @Override
    public String summary() {
        return "N interacting particles in R^d as one state: the empirical measure (1/N) sum delta_{x_p}";
    }

    @Override
    public String formula() {
        return "X = (x_1, ..., x_N), x_p in R^d, row-major;  rho_N = (1/N) sum_p delta_{x_p};  energies V on R^d are"
                + " lifted to E(X) = sum_p V(x_p) = N integral V d rho_N";
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>();
        p.add(Parameter.integer("n", 1000, 1, 1_000_000, "number of particles N (each carries mass 1/N)"));
        p.add(Parameter.integer("d", 1, 1, 10_000, "coordinates per particle (the dimension of the points)"));
        p.addAll(InitParameters.forMeasures(List.of(InitParameters.GAUSSIAN, InitParameters.UNIFORM,
                InitParameters.BIMODAL, InitParameters.SAMPLES), "0", "1", "1.5"));
        p.add(Parameter.choice("placement", List.of("random", "quantiles"), "random: N independent draws from the"
                + " law (seeded by 'seed'); quantiles: d = 1 only, the deterministic mid-quantiles F^-1((k - 1/2)/N),"
                + " sorted"));
        p.add(Parameter.integer("seed", 1, 0, Long.MAX_VALUE, "seed of the random starting cloud"));
        return p;
    }

    @Override
    public Space create(Parameters parameters) {
        String owner = "space 'ensemble'";
        int n = (int) parameters.integer("n");
        int d = (int) parameters.integer("d");
        if ((long) n * d > MAX_LENGTH) {
            throw new ConfigurationException(owner + ": n x d = " + n + " x " + d + " = " + (long) n * d
                    + " coordinates is more than " + MAX_LENGTH);
        }
        StartingLaw law = InitParameters.read(owner, parameters.text("init"), parameters, d, null);
        EnsembleLayout layout = new EnsembleLayout(n, d);
        double[] x0 = new double[n * d];
        if (parameters.text("placement").equals("quantiles")) {
            if (d != 1) {
                throw new ConfigurationException(owner + ": placement 'quantiles' needs d = 1 (got d = " + d
                        + "); use placement 'random' in higher dimensions");
            }
            // the bracket of the quantile search: 40 standard deviations plus the offset of the modes
            double halfWidth = parameters.vector("std")[0] * 40 + Math.abs(parameters.vector("offset")[0]);
            if (law instanceof StartingLaw.Gaussian g && g.std() == null) {
                halfWidth = 40 * Math.sqrt(g.covariance()[0]);
            }
            for (int k = 0; k < n; k++) {
                x0[k] = law.quantile((k + 0.5) / n, halfWidth);
            }
        } else {
            var rng = StartingLaw.stream(new SplittableRandom(parameters.integer("seed")));
            double[] point = new double[d];
            for (int p = 0; p < n; p++) {
                law.draw(p, n, rng, point);
                System.arraycopy(point, 0, x0, p * d, d);
            }
        }
        return new EnsembleSpace(layout, x0);
    }
}
