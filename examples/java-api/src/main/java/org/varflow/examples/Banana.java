package org.varflow.examples;

import org.varflow.api.Energy;

/**
 * An energy written as a class: Rosenbrock's banana in two dimensions with its gradient, a fused value-and-gradient
 * and its Hessian (which implicit schemes use, and the check kit compares with differences of the gradient).
 */
// tag::energy[]
public record Banana(double a) implements Energy {
    // E(x, y) = a (y - x^2)^2 + (1 - x)^2

    @Override
    public double value(double[] s) {
        double r = s[1] - s[0] * s[0];
        return a * r * r + (1 - s[0]) * (1 - s[0]);
    }

    @Override
    public void gradient(double[] s, double[] out) {
        valueAndGradient(s, out);
    }

    @Override
    public double valueAndGradient(double[] s, double[] out) {     // one pass for both
        double r = s[1] - s[0] * s[0];
        out[0] = -4 * a * r * s[0] - 2 * (1 - s[0]);
        out[1] = 2 * a * r;
        return a * r * r + (1 - s[0]) * (1 - s[0]);
    }

    @Override
    public void hessian(double[] s, double[] out) {                // row-major 2 x 2
        out[0] = 12 * a * s[0] * s[0] - 4 * a * s[1] + 2;
        out[1] = -4 * a * s[0];
        out[2] = -4 * a * s[0];
        out[3] = 2 * a;
    }
}
// end::energy[]
