package org.varflow.testkit;

import java.util.ArrayList;
import java.util.List;
import org.varflow.api.Entropy;
import org.varflow.api.measure.TsallisEntropy;

/**
 * The check kit for entropy authors (what {@code varflow check ENTROPY-ID} runs). The noise reads its temperature
 * from the entropy, so the temperature is what must be right:
 *
 * <pre>
 *   beta valid               beta() &gt; 0 (or +infinity: no entropy term)
 *   T(0) = 1 / beta          temperatureAt(0) = 1 / beta() to 1e-12 relative (0 when beta is infinite)
 *   T(t) a temperature       temperatureAt(t) finite and &gt;= 0 at t = 0, 0.01, 0.1, 1, 10, 100, 1e4, 1e6
 *   isNone consistent        isNone() exactly when T(t) = 0 at all those times
 *   Tsallis exponent         (a {@link TsallisEntropy}) m &gt; 1
 * </pre>
 */
public final class EntropyChecks {
    public static final String BETA_CHECK = "beta > 0";
    public static final String T0_CHECK = "temperature at t = 0 is 1 / beta";
    public static final String TEMPERATURE_CHECK = "temperature finite and >= 0 along a run";
    public static final String NONE_CHECK = "isNone() exactly when T = 0";
    public static final String TSALLIS_CHECK = "Tsallis exponent m > 1";
    static final double[] TIMES = {0, 0.01, 0.1, 1, 10, 100, 1e4, 1e6};

    private EntropyChecks() {
    }

    public static List<CheckResult> run(Entropy entropy) {
        List<CheckResult> out = new ArrayList<>();
        out.add(EnergyChecks.guard(BETA_CHECK, () -> {
            double b = entropy.beta();
            return CheckResult.of(BETA_CHECK, b > 0, "beta = " + b, "> 0 or +infinity", "beta()");
        }));
        out.add(EnergyChecks.guard(T0_CHECK, () -> {
            double b = entropy.beta();
            double expected = Double.isInfinite(b) ? 0 : 1 / b;
            double t = entropy.temperatureAt(0);
            double err = Math.abs(t - expected) / Math.max(expected, 1e-300);
            boolean ok = expected == 0 ? t == 0 : err <= 1e-12;
            return CheckResult.of(T0_CHECK, ok, "T(0) = " + t, "1 / beta = " + expected, "t = 0");
        }));
        out.add(EnergyChecks.guard(TEMPERATURE_CHECK, () -> {
            for (double time : TIMES) {
                double t = entropy.temperatureAt(time);
                if (!(t >= 0) || !Double.isFinite(t)) {
                    return CheckResult.of(TEMPERATURE_CHECK, false, "T(" + time + ") = " + t, "finite, >= 0",
                            "t = " + time);
                }
            }
            return CheckResult.of(TEMPERATURE_CHECK, true, "T(t) from " + entropy.temperatureAt(0) + " to "
                    + entropy.temperatureAt(TIMES[TIMES.length - 1]) + " (t = 0 .. 1e6)", "finite, >= 0", "");
        }));
        out.add(EnergyChecks.guard(NONE_CHECK, () -> {
            boolean allZero = true;
            for (double time : TIMES) {
                allZero &= entropy.temperatureAt(time) == 0;
            }
            boolean none = entropy.isNone();
            return CheckResult.of(NONE_CHECK, none == allZero, "isNone() " + none + ", T = 0 at all times "
                    + allZero, "equal", "isNone()");
        }));
        if (entropy instanceof TsallisEntropy tsallis) {
            out.add(EnergyChecks.guard(TSALLIS_CHECK, () -> CheckResult.of(TSALLIS_CHECK, tsallis.exponent() > 1,
                    "m = " + tsallis.exponent(), "> 1", "exponent()")));
        }
        return out;
    }
}
