package org.varflow.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.RunSummary;
import org.varflow.Varflow;
import org.varflow.api.Energy;
import org.varflow.api.FlowSpec;
import org.varflow.api.NumericalException;
import org.varflow.api.PartKind;
import org.varflow.core.testing.Flows;

/**
 * A diverging run suggests a step that does not diverge: from the curvature of the flow (stiffness 1e6 needs dt below
 * 2e-6, so dt/10, dt/100 and dt/1000 from 0.01 all still diverge), not a fixed fraction of dt. With the halving
 * policy, the run goes back to the last state that passed the checks, never to one that has already blown up.
 */
class StiffDivergenceTest {
    private static final Varflow VARFLOW = Flows.varflow();
    private static final Pattern SUGGESTED = Pattern.compile("try dt = ([0-9.e+-]+)");

    @ParameterizedTest(name = "dt = {0}")
    @ValueSource(doubles = {1e-2, 1e-3, 1e-4, 1e-5})
    void theSuggestedStepIsStableWhereDtOverTenIsNot(double dt) {
        FlowSpec spec = Flows.quadratic(2, "1,1", 100_000, dt).withParam(PartKind.ENERGY, "diag", "1,1e6");
        String message = catchThrowable(() -> VARFLOW.run(spec, new RunControl(1), null)).getMessage();
        assertThat(message).contains("is about 1.0e+06").contains("stable only for dt < 2/lambda = 2.0e-06")
                .contains("minimizing-movement");
        Matcher m = SUGGESTED.matcher(message);
        assertThat(m.find()).as(message).isTrue();
        double suggested = Double.parseDouble(m.group(1));
        assertThat(suggested).isLessThan(2e-6);
        // dt / 10 (the old advice) still diverges while it is above 2 / lambda ...
        if (dt / 10 > 2e-6) {
            assertThatThrownBy(() -> VARFLOW.run(spec.withDt(dt / 10).withSteps(2_000), new RunControl(1), null))
                    .isInstanceOf(NumericalException.class);
        }
        // ... the suggested step does not, and an implicit step of the old size does not either
        RunSummary ok = VARFLOW.run(spec.withDt(suggested).withSteps(20_000), new RunControl(1), null).summary();
        assertThat(ok.diagnostics().finite()).isTrue();
        RunSummary implicit = VARFLOW.run(spec.withPart(PartKind.SCHEME, "minimizing-movement").withSteps(100),
                new RunControl(1), null).summary();
        assertThat(implicit.energy()).isLessThan(implicit.energyInitial());
    }

    @ParameterizedTest(name = "diag {0}")
    @CsvSource({"'1,100', 0.05, 1.0e+02", "'3,40000', 0.01, 4.0e+04", "'1,2.5e7', 0.001, 2.5e+07"})
    void theCurvatureIsEstimatedForOtherStiffnesses(String diag, double dt, String lambda) {
        FlowSpec spec = Flows.quadratic(2, "1,1", 100_000, dt).withParam(PartKind.ENERGY, "diag", diag);
        assertThat(catchThrowable(() -> VARFLOW.run(spec, new RunControl(1), null)))
                .hasMessageContaining("is about " + lambda);
    }

    @Test
    void halvingNeverRestartsFromABlownUpState() {
        // E = x^4 / 4 from x = 3 with dt = 0.3, observed every step: x -> 3 - 0.3 * 27 = -5.1 -> 34.7 -> ... the
        // state is finite for a few steps but already exploding; restarting from it could never succeed.
        Energy quartic = Energy.of(x -> x[0] * x[0] * x[0] * x[0] / 4, (x, g) -> g[0] = x[0] * x[0] * x[0]);
        RunSummary s = VARFLOW.flow().space("euclidean").set(PartKind.SPACE, "dimension", 1L)
                .set(PartKind.SPACE, "x0", new double[] {3}).energy("quartic", quartic).scheme("euler")
                .dt(0.3).steps(2000).every(1).threads(1).onDivergence(RunControl.OnDivergence.HALVE).run();
        assertThat(s.diagnostics().finite()).isTrue();
        assertThat(s.energy()).isLessThan(s.energyInitial());
        assertThat(((Number) s.scheme().entries().get("dtHalvings")).intValue()).isBetween(1, 10);
        assertThat(Math.abs(s.state().mean()[0])).isLessThan(1);
    }
}
