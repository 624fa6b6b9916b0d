package org.varflow.models.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Names;
import org.varflow.api.Parameter;
import org.varflow.api.ParameterType;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.formula.Formula;
import org.varflow.api.formula.Variables;

/**
 * An energy written as a formula in the coordinates x1..xd of the space:
 *
 * <pre>
 *   --energy formula --set energy.E="(x1^2 - 1)^2/4 + 0.5*x2^2"
 *   --energy formula --set energy.E="sum(i, 1, d, (x[i]^2 - a)^2/4)" --set energy.a=2
 * </pre>
 *
 * Any other parameter name is a named constant of the formula ({@code energy.a=2} is {@code a}); each must be used
 * by the formula, so a misspelt name is refused instead of ignored. The gradient and the Hessian are exact: the
 * formula is differentiated symbolically and compiled into array programs once per run (see {@link Formula}). d is
 * the space's dimension (checked against {@code dimension} when that is given). On an ensemble or a grid the formula
 * is the potential V on R^d and the space lifts it to integral V d rho.
 *
 * <p>The formula is evaluated at the space's starting point when the energy is built: a value or gradient that is not
 * finite there is refused with the point and the first part of the formula that fails.
 */
public final class FormulaEnergyFactory implements EnergyFactory {
    static final String ID = "formula";
    static final String OWNER = "energy '" + ID + "'";
    /** Derivatives shown by explain. */
    static final int SHOWN = 12;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "any E(x) written as a formula in x1..xd with named parameters; exact gradient and Hessian (symbolic,"
                + " compiled once)";
    }

    @Override
    public String formula() {
        return "E(x) = the formula E in x1..xd (or x[i]), e.g. (x1^2 - 1)^2/4 + 0.5*x2^2 or sum(i, 1, d, x[i]^2/2);"
                + " named constants: any other parameter; functions: exp log log1p expm1 sqrt sin cos tan tanh sinh"
                + " cosh atan asin acos abs sign step softplus sigmoid min max pow sum prod;  dE and Hess E exact"
                + " (symbolic differentiation)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.text("E", "sum(i, 1, d, x[i]^2/2)", "the formula of E in x1..xd (x[i], d); see 'varflow"
                        + " explain formula' for the functions"),
                new Parameter("dimension", ParameterType.INTEGER, null, 1, false, 1_000_000, List.of(), "d, when"
                        + " given: checked against the space's dimension (the space decides d)"),
                Parameter.others(ParameterType.REAL, "a named constant of the formula, e.g. --set energy.a=2 for a"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        int d = space.dimension();
        if (parameters.has("dimension") && parameters.integer("dimension") != d) {
            throw new ConfigurationException(OWNER + ": parameter 'dimension' = " + parameters.integer("dimension")
                    + " but the space has dimension " + d + "; set the space's dimension (e.g. --set space.dimension="
                    + parameters.integer("dimension") + ") or drop energy.dimension");
        }
        Formula f = compile(parameters, d);
        double[] start = space.initialState();
        String failure = f.diagnose(start);
        if (failure != null) {
            throw new ConfigurationException(OWNER + ": E = " + org.varflow.api.io.Excerpt.quote(f.text())
                    + " is not finite at the starting point x = " + point(start) + ": " + failure + ". Start where"
                    + " the formula is defined (the space's x0 or starting law) or change the formula");
        }
        return new FormulaEnergy(f);
    }

    /** Compiles E in d variables with the named constants, refusing constants the formula does not use. */
    static Formula compile(Parameters parameters, int d) {
        int highest;
        try {
            highest = Formula.highestVariable(parameters.text("E"), "x");
        } catch (ConfigurationException e) {
            throw new ConfigurationException(OWNER + ": parameter 'E': " + e.getMessage(), e);
        }
        if (highest > d) {
            throw new ConfigurationException(OWNER + ": E = " + org.varflow.api.io.Excerpt.quote(parameters.text("E"))
                    + " uses x" + highest + " but the space has dimension " + d + " (" + (d == 1 ? "the variable x1"
                    : "variables x1..x" + d) + "); set the space's dimension to " + highest + " (--set"
                    + " space.dimension=" + highest + ", or space.d on an ensemble) or write E in "
                    + (d == 1 ? "x1" : "x1..x" + d));
        }
        Map<String, Double> constants = new LinkedHashMap<>();
        parameters.others().forEach((k, v) -> constants.put(k, (Double) v));
        Formula f;
        try {
            f = Formula.compile(parameters.text("E"), Variables.vector("x", d), constants);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(OWNER + ": parameter 'E': " + e.getMessage(), e);
        }
        List<String> unused = new ArrayList<>(constants.keySet());
        unused.removeAll(f.parametersUsed());
        if (!unused.isEmpty()) {
            String name = unused.get(0);
            throw new ConfigurationException(OWNER + ": parameter '" + name + "' is not used by the formula E = "
                    + org.varflow.api.io.Excerpt.quote(f.text()) + " (its declared parameters are E and dimension;"
                    + " any other name must be a constant the formula uses)" + (f.parametersUsed().isEmpty() ? ""
                    : Names.suggestion(name, f.parametersUsed())));
        }
        return f;
    }

    /** The given formula, simplified, and its first derivatives, for {@code varflow explain formula --set E=...}. */
    @Override
    public String formula(Parameters parameters) {
        int d;
        try {
            d = parameters.has("dimension") ? (int) parameters.integer("dimension")
                    : Math.max(1, Formula.highestVariable(parameters.text("E"), "x"));
        } catch (ConfigurationException e) {
            throw new ConfigurationException(OWNER + ": parameter 'E': " + e.getMessage(), e);
        }
        Formula f = compile(parameters, d);
        StringBuilder out = new StringBuilder();
        out.append("E(x) = ").append(f.text()).append("   (d = ").append(d)
                .append(parameters.has("dimension") ? "" : "; set dimension=N for another d").append(')');
        if (!parameters.others().isEmpty()) {
            out.append("\nwith ");
            List<String> items = new ArrayList<>();
            parameters.others().forEach((k, v) -> items.add(k + " = " + Parameter.format((Double) v)));
            out.append(String.join(", ", items));
        }
        out.append("\nsimplified: E = ").append(f.simplified());
        for (int k = 0; k < Math.min(d, SHOWN); k++) {
            out.append("\ndE/dx").append(k + 1).append(" = ").append(f.derivative(k));
        }
        if (d > SHOWN) {
            out.append("\n... (").append(d - SHOWN).append(" more)");
        }
        return out.toString();
    }

    private static String point(double[] x) {
        if (x.length <= 8) {
            return Arrays.toString(x);
        }
        return Arrays.toString(Arrays.copyOf(x, 8)).replace("]", ", ...] (" + x.length + " coordinates)");
    }

    /** E, dE and Hess E by the compiled formula; stateless (each thread evaluates in its own work array). */
    static final class FormulaEnergy implements Energy {
        private final Formula f;

        FormulaEnergy(Formula f) {
            this.f = f;
        }

        /** The compiled formula. */
        Formula formula() {
            return f;
        }

        @Override
        public double value(double[] x) {
            return f.value(x);
        }

        @Override
        public void gradient(double[] x, double[] out) {
            f.gradient(x, out);
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            return f.valueAndGradient(x, gradient);
        }

        @Override
        public void hessian(double[] x, double[] out) {
            f.hessian(x, out);
        }
    }
}
