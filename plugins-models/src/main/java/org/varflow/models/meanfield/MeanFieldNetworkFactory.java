package org.varflow.models.meanfield;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.measure.EnsembleLayout;
import org.varflow.api.measure.GridLayout;
import org.varflow.api.measure.MeasureBase;
import org.varflow.api.measure.MeasureEnergy;
import org.varflow.api.measure.MeasureKinds;
import org.varflow.models.data.DataTable;

/**
 * The risk of the mean-field two-layer ReLU network, a functional of the law rho of its neurons theta = (a, w, b):
 * F(rho) = (1/2n) sum_k (integral a relu(w x_k + b) d rho - y_k)^2. Chosen for an {@code ensemble} space with
 * d = 3 it becomes {@link MeanFieldRisk} (E = m R over the m = N neurons); the ensemble's starting law is the
 * initialisation law of (a, w, b).
 */
public final class MeanFieldNetworkFactory implements EnergyFactory {
    static final String ID = "mean-field-network";
    private static final String OWNER = "energy '" + ID + "'";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "risk of a two-layer ReLU network f(x) = (1/m) sum a_i relu(w_i x + b_i), neurons (a, w, b) as the"
                + " particles of an ensemble (d = 3)";
    }

    @Override
    public String formula() {
        return "f(x) = (1/m) sum_i a_i relu(w_i x + b_i);  R = (1/2n) sum_k (f(x_k) - y_k)^2;  E = m R;"
                + "  dE/dtheta_i = m grad_theta_i R = grad_theta (dR/drho)(theta_i), dR/drho(theta) ="
                + " (1/n) sum_k r_k a relu(w x_k + b)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new java.util.ArrayList<>(List.of(
                Parameter.integer("points", 64, 2, 1_000_000, "number n of equally spaced training inputs x_k"),
                Parameter.choice("target", TrainingSet.TARGETS, "target g(x): sin-3sin = sin(pi x) + 0.5 sin(3 pi"
                        + " x) (the seed's), sin = sin(pi x), abs = |x|"),
                Parameter.real("lower", -1, -1e6, 1e6, "left end of the input interval"),
                Parameter.real("upper", 1, -1e6, 1e6, "right end of the input interval"),
                Parameter.text("data", null, "a CSV file of training pairs (x, y): one feature column and the target"
                        + " (the last, or targetColumn); replaces points, target, lower and upper")));
        p.addAll(DataTable.columnParameters());
        return p;
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        if (!(space instanceof MeasureBase base) || !MeasureKinds.ENSEMBLE.equals(base.measureKind())) {
            throw new ConfigurationException(OWNER + " is a functional of the law of the neurons: use it on an"
                    + " 'ensemble' space with d = 3 (a, w, b per particle), i.e. space 'ensemble' with d = 3");
        }
        if (base.dimension() != 3) {
            throw new ConfigurationException(OWNER + ": each particle is one neuron (a, w, b), so the ensemble needs"
                    + " d = 3 (got d = " + base.dimension() + "); set space.d=3");
        }
        DataTable.checkColumnsHaveAFile(OWNER, parameters);
        TrainingSet data = parameters.has("data") ? fromFile(DataTable.read(OWNER, parameters.text("data"),
                parameters)) : TrainingSet.of(parameters.text("target"), (int) parameters.integer("points"),
                parameters.real("lower"), parameters.real("upper"));
        return new Network(data);
    }

    /** The pairs (x_k, y_k) of a user's file: one input column. */
    static TrainingSet fromFile(DataTable table) {
        if (table.featureCount() != 1) {
            throw new ConfigurationException(OWNER + ": the network has one input, but " + table.source() + " gives "
                    + table.featureCount() + " feature columns " + table.features() + "; choose one with"
                    + " featureColumns (or give a file of two columns, x and y)");
        }
        return new TrainingSet(table.x(), table.y());
    }

    /** The measure form: lifted by the ensemble to {@link MeanFieldRisk}; on R^3 itself, a network of one neuron. */
    static final class Network implements MeasureEnergy {
        private final TrainingSet data;
        private final MeanFieldRisk single;

        Network(TrainingSet data) {
            this.data = data;
            this.single = new MeanFieldRisk(data, 1);
        }

        @Override
        public Energy onEnsemble(EnsembleLayout layout) {
            if (layout.d() != 3) {
                throw new ConfigurationException(OWNER + ": the ensemble needs d = 3 (got " + layout.d() + ")");
            }
            return new MeanFieldRisk(data, layout.n());
        }

        @Override
        public Energy onGrid(GridLayout layout) {
            throw new ConfigurationException(OWNER + " works on ensembles of neurons only, not on grid densities;"
                    + " use space 'ensemble' with d = 3");
        }

        @Override
        public double value(double[] x) {
            return single.value(x);
        }

        @Override
        public void gradient(double[] x, double[] out) {
            single.gradient(x, out);
        }
    }
}
