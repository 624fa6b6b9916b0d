package org.varflow.geometry.fisher;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.varflow.api.Energy;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.api.init.InitParameters;
import org.varflow.api.init.StartingLaw;

/**
 * R^d seen as the parameter space of a statistical model: the same state and kind as {@code euclidean} (so every
 * Euclidean part fits), and in addition the space hands the run's energy - the model's negative log-likelihood -
 * to the metrics that need it, such as {@code fisher}.
 *
 * <p>Why a space: a metric is built from its parameters and the space only, so the Fisher metric cannot see the
 * energy through the SPI. The assembler passes the energy through {@link Space#lift} of the run's space, which this
 * space uses to tell the metrics created on it which model they serve (before the run starts). A future SPI method
 * that gives metrics the energy directly would make this space unnecessary.
 */
public final class StatisticalModelSpaceFactory implements SpaceFactory {
    static final String OWNER = "space 'statistical-model'";

    @Override
    public String id() {
        return "statistical-model";
    }

    @Override
    public String summary() {
        return "R^d as the parameter space of the model given by the energy (hands the model to metric 'fisher')";
    }

    @Override
    public String formula() {
        return "x in R^d (kind euclidean), starting at x0 (or drawn per particle from init); the energy E(x) ="
                + " negative log-likelihood of the model";
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>();
        p.add(Parameter.integer("dimension", 2, 1, 1_000_000, "number of model parameters d"));
        p.add(Parameter.vector("x0", "0", "starting parameters (one number is used for every coordinate)"));
        p.addAll(InitParameters.forPoints());
        return p;
    }

    @Override
    public Space create(Parameters parameters) {
        int d = (int) parameters.integer("dimension");
        double[] x0 = Parameters.broadcast(OWNER, "x0", parameters.vector("x0"), d, "the space has dimension " + d);
        StartingLaw law = InitParameters.readPoints(OWNER, parameters, d, x0);
        return new ModelSpace(d, law == null ? x0 : law.mean(), law);
    }

    /** The parameter space of one run; remembers the energy lifted into it. */
    public static final class ModelSpace implements Space {
        private final int dimension;
        private final double[] x0;
        private final StartingLaw law;
        private final List<Consumer<Energy>> listeners = new ArrayList<>();
        private Energy model;

        ModelSpace(int dimension, double[] x0, StartingLaw law) {
            this.dimension = dimension;
            this.x0 = x0;
            this.law = law;
        }

        /** Each particle from the starting law, when there is one (else x0). */
        @Override
        public void initialState(int particle, int particles, RandomStream rng, double[] out) {
            if (law == null) {
                System.arraycopy(x0, 0, out, 0, dimension);
            } else {
                law.draw(particle, particles, rng, out);
            }
        }

        @Override
        public String kind() {
            return EUCLIDEAN;
        }

        @Override
        public int dimension() {
            return dimension;
        }

        @Override
        public double[] initialState() {
            return x0.clone();
        }

        /** The run's energy, or null before the flow is assembled. */
        public synchronized Energy model() {
            return model;
        }

        /**
         * Calls {@code binder} with the run's energy once it is known (at once if it is). A binder may throw a
         * {@link org.varflow.api.ConfigurationException} to refuse the energy; the assembly then fails with it.
         */
        public synchronized void whenModelKnown(Consumer<Energy> binder) {
            listeners.add(binder);
            if (model != null) {
                binder.accept(model);
            }
        }

        /** Energies are written on this space itself; remembers the energy and tells the waiting metrics. */
        @Override
        public synchronized Energy lift(Energy energy) {
            for (Consumer<Energy> l : listeners) {
                l.accept(energy);
            }
            model = energy;
            return energy;
        }
    }
}
