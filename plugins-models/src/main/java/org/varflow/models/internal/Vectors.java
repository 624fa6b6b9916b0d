package org.varflow.models.internal;

import java.util.Arrays;
import org.varflow.api.ConfigurationException;

/** Broadcasting of the vector parameters of this module's energies. */
public final class Vectors {
    private Vectors() {
    }

    /**
     * A vector parameter of length 1 broadcast to length d, or of length d as it is (a copy).
     *
     * @param owner how to name the part in messages, e.g. {@code "energy 'quadratic'"}
     * @throws ConfigurationException for any other length, naming the part, the parameter and both lengths
     */
    public static double[] broadcast(String owner, String name, double[] v, int d) {
        if (v.length == d) {
            return v.clone();
        }
        if (v.length == 1) {
            double[] out = new double[d];
            Arrays.fill(out, v[0]);
            return out;
        }
        throw new ConfigurationException(owner + ": parameter '" + name + "' has " + v.length
                + " entries but dimension "
                + d + " is needed; give 1 or " + d + " entries");
    }
}
