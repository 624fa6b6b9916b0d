package org.varflow.core.euclidean;

import java.util.ArrayList;
import java.util.List;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.api.init.InitParameters;
import org.varflow.api.init.StartingLaw;

/**
 * The space R^d with its usual coordinates; every particle starts at {@code x0}, or, with {@code init}, at its own
 * draw from a starting law (a Gaussian with full covariance, a uniform box, two modes, samples from a file; see
 * {@link InitParameters}), drawn from the particle's block stream.
 */
public final class EuclideanSpaceFactory implements SpaceFactory {
    /** Largest dimension accepted for one state. */
    public static final long MAX_DIMENSION = 10_000_000L;

    @Override
    public String id() {
        return "euclidean";
    }

    @Override
    public String summary() {
        return "R^d: a point with d real coordinates";
    }

    @Override
    public String formula() {
        return "x in R^d, starting at x0 or drawn per particle from init (gaussian N(mean, covariance), uniform box,"
                + " bimodal, samples from a file)";
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>();
        p.add(Parameter.integer("dimension", 2, 1, MAX_DIMENSION, "number of coordinates d"));
        p.add(Parameter.vector("x0", "1", "starting point (one number is used for every coordinate)"));
        p.addAll(InitParameters.forPoints());
        return p;
    }

    @Override
    public Space create(Parameters parameters) {
        int d = (int) parameters.integer("dimension");
        double[] x0 = Parameters.broadcast("space 'euclidean'", "x0", parameters.vector("x0"), d,
                "the space has dimension " + d);
        StartingLaw law = InitParameters.readPoints("space 'euclidean'", parameters, d, x0);
        return new EuclideanSpace(d, law == null ? x0 : law.mean(), law);
    }


    /** R^d, starting at x0 or from a law (null: the point x0). */
    private record EuclideanSpace(int dimension, double[] x0, StartingLaw law) implements Space {
        @Override
        public String kind() {
            return EUCLIDEAN;
        }

        @Override
        public double[] initialState() {
            return x0.clone();
        }

        @Override
        public void initialState(int particle, int particles, RandomStream rng, double[] out) {
            if (law == null) {
                System.arraycopy(x0, 0, out, 0, x0.length);
            } else {
                law.draw(particle, particles, rng, out);
            }
        }
    }
}
