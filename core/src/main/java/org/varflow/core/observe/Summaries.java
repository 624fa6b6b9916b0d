package org.varflow.core.observe;

import java.util.ArrayList;
import java.util.List;

/** Conversions of numbers and arrays into JSON-friendly values (non-finite numbers become null). */
public final class Summaries {
    private Summaries() {
    }

    /** The number, or null when it is NaN or infinite (JSON has neither). */
    public static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    public static List<Double> vector(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(number(x));
        }
        return out;
    }

    public static List<List<Double>> matrix(double[] m, int d) {
        List<List<Double>> rows = new ArrayList<>(d);
        for (int i = 0; i < d; i++) {
            rows.add(vector(java.util.Arrays.copyOfRange(m, i * d, (i + 1) * d)));
        }
        return rows;
    }
}
