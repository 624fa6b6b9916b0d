package org.varflow.models.geometry;

import java.util.Arrays;
import org.varflow.api.ConfigurationException;

/** Broadcasting of vector parameters for the model energies. */
final class Linear {
    private Linear() {
    }

    /** A vector parameter of length 1 broadcast to d, or of length d (a copy); allocates. */
    static double[] broadcast(String owner, String name, double[] v, int d) {
        if (v.length == d) {
            return v.clone();
        }
        if (v.length == 1) {
            double[] out = new double[d];
            Arrays.fill(out, v[0]);
            return out;
        }
        throw new ConfigurationException(owner + ": parameter '" + name + "' has " + v.length
                + " entries but it needs " + d + "; give 1 or " + d + " entries");
    }
}
