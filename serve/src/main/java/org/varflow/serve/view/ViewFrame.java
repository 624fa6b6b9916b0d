package org.varflow.serve.view;

import java.util.Arrays;
import java.util.Objects;

/**
 * One observation as it is drawn: the step, the time, the energy and free energy the run reported, and the values
 * to draw (points row-major, cell densities, or the state vector; single precision is enough for the eye).
 *
 * @param step       steps taken
 * @param time       the time reached
 * @param energy     the (ensemble mean) energy
 * @param freeEnergy the free energy, NaN when undefined
 * @param values     what the view draws (a copy on the way in and out)
 */
public record ViewFrame(long step, double time, double energy, double freeEnergy, float[] values) {
    public ViewFrame {
        values = Objects.requireNonNull(values, "values").clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** The number of values, without copying them. */
    public int size() {
        return values.length;
    }

    /** Value {@code i}, without copying. */
    public float value(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ViewFrame f && step == f.step && Double.compare(time, f.time) == 0
                && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(step, time, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "ViewFrame[step=" + step + ", time=" + time + ", values=" + values.length + "]";
    }
}
