package org.varflow.serve.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.Frame;
import org.varflow.Varflow;
import org.varflow.core.assembly.AssembledFlow;

/** Each kind of state is drawn the way a lecturer expects, over the right potential. */
class ViewPlanTest {
    private static final Varflow VARFLOW = Varflow.create();

    private static ViewPlan plan(String preset) {
        return ViewPlan.of(VARFLOW.assemble(VARFLOW.registry().preset(preset).spec()), 10_000);
    }

    @Test
    void chooseTheDrawingFromTheSpace() {
        assertThat(plan("gradient-descent").kind()).isEqualTo(ViewKind.PLANE);
        assertThat(plan("langevin").kind()).isEqualTo(ViewKind.LINE);
        assertThat(plan("particle-fokker-planck").kind()).isEqualTo(ViewKind.LINE);
        assertThat(plan("fokker-planck").kind()).isEqualTo(ViewKind.DENSITY_1D);
        assertThat(plan("hamiltonian").kind()).isEqualTo(ViewKind.PLANE);
        assertThat(plan("least-action").kind()).isEqualTo(ViewKind.VECTOR);
        assertThat(plan("fokker-planck").describe().get("grid")).isEqualTo(Map.of("cells", List.of(200),
                "lower", List.of(-8.0), "upper", List.of(8.0)));
        var square = VARFLOW.registry().preset("fokker-planck").spec().withPart(org.varflow.api.PartKind.SPACE,
                "grid-2d");
        ViewPlan heat = ViewPlan.of(VARFLOW.assemble(square), 10_000);
        assertThat(heat.kind()).isEqualTo(ViewKind.DENSITY_2D);
        assertThat(heat.describe().get("grid")).isEqualTo(Map.of("cells", List.of(48, 48), "lower", List.of(-4.0,
                -4.0), "upper", List.of(4.0, 4.0)));
    }

    @Test
    void ensemblesAreContouredWithTheBaseEnergyNotTheLiftedOne() {
        ViewPlan ensemble = plan("particle-fokker-planck");
        assertThat(ensemble.potential().value(new double[] {2})).isEqualTo(2.0); // V = x^2/2, not N V
        assertThat(ensemble.describe().get("potential")).isEqualTo("V");
        assertThat(plan("hamiltonian").describe().get("potential")).isEqualTo("H");
    }

    @Test
    void anEnsembleFrameIsItsParticles() {
        AssembledFlow flow = VARFLOW.assemble(VARFLOW.registry().preset("particle-fokker-planck").spec());
        ViewPlan plan = ViewPlan.of(flow, 500);
        double[] state = flow.flow().space().initialState(); // 2000 particles in R as one state
        ViewFrame f = plan.project(new Frame(0, 0, 1, Double.NaN, 1, state.length, state));
        assertThat(f.size()).isEqualTo(500);
        assertThat(f.value(7)).isEqualTo((float) state[7]);
    }

    @Test
    void theGibbsDensityOfTheLineIsNormalised() {
        ViewPlan plan = plan("langevin"); // V = x^2/2, T = 1: N(0, 1)
        List<ViewFrame> frames = new ArrayList<>();
        java.util.Random r = new java.util.Random(1);
        float[] x = new float[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        frames.add(new ViewFrame(0, 5, 0.5, Double.NaN, x));
        Map<String, Object> b = Backdrop.of(plan, frames);
        @SuppressWarnings("unchecked")
        Map<String, List<Double>> gibbs = (Map<String, List<Double>>) b.get("gibbs");
        List<Double> xs = gibbs.get("x");
        List<Double> ys = gibbs.get("y");
        int zero = 0;
        for (int i = 0; i < xs.size(); i++) {
            if (Math.abs(xs.get(i)) < Math.abs(xs.get(zero))) {
                zero = i;
            }
            assertThat(ys.get(i)).isCloseTo(Math.exp(-xs.get(i) * xs.get(i) / 2) / Math.sqrt(2 * Math.PI),
                    within(2e-3));
        }
        assertThat(b.get("temperature")).isEqualTo(1.0);
    }

    @Test
    void theGibbsLawIsDrawnWhereItIsTheTarget() {
        List<ViewFrame> frames = List.of(new ViewFrame(0, 1, 0, 0, new float[] {0.1f, 0.2f, 0.3f}));
        assertThat(Backdrop.of(plan("jko"), frames)).containsKey("gibbs"); // an ensemble: entropy in F, no noise
        assertThat(Backdrop.of(plan("fokker-planck"), List.of(new ViewFrame(0, 1, 0, 0, new float[200]))))
                .containsKey("gibbs");
        assertThat(Backdrop.of(plan("porous-medium"), List.of(new ViewFrame(0, 1, 0, 0, new float[400]))))
                .doesNotContainKey("gibbs"); // Tsallis: a Barenblatt profile, not exp(-V/T)
        assertThat(Backdrop.of(plan("gradient-descent"), List.of(new ViewFrame(0, 1, 0, 0, new float[] {0, 0}))))
                .containsEntry("temperature", 0.0);
    }

    /** An entropy from elsewhere (a plugin, a lambda): Boltzmann type, whatever it is called. */
    private record Warm(double beta) implements org.varflow.api.Entropy {
    }

    @Test
    void theGibbsLawIsDrawnForAnyEntropyOfBoltzmannTypeNotForItsId() {
        List<ViewFrame> frames = List.of(new ViewFrame(0, 1, 0, 0, new float[] {0.1f, 0.2f, 0.3f}));
        AssembledFlow warm = VARFLOW.preset("langevin").entropy("warm", new Warm(0.5)).build();
        Map<String, Object> b = Backdrop.of(ViewPlan.of(warm, 10_000), frames);
        assertThat(b).containsKey("gibbs").containsEntry("temperature", 2.0);
    }

    @Test
    void thePlaneLandscapeIsTheEnergyOnAGridOfTheVisitedWindow() {
        ViewPlan plan = plan("gradient-descent"); // E = (x^2 + 4 y^2)/2 - x - y
        List<ViewFrame> frames = List.of(new ViewFrame(0, 0, 0, 0, new float[] {-1, 1}),
                new ViewFrame(1, 1, 0, 0, new float[] {1, 0.25f}));
        Map<String, Object> b = Backdrop.of(plan, frames);
        @SuppressWarnings("unchecked")
        Map<String, Object> land = (Map<String, Object>) b.get("landscape");
        @SuppressWarnings("unchecked")
        List<Double> xs = (List<Double>) land.get("x");
        @SuppressWarnings("unchecked")
        List<Double> ys = (List<Double>) land.get("y");
        @SuppressWarnings("unchecked")
        List<List<Double>> v = (List<List<Double>>) land.get("values");
        double x = xs.get(17);
        double y = ys.get(29);
        assertThat(v.get(29).get(17)).isCloseTo((x * x + 4 * y * y) / 2 - x - y, within(1e-12));
        double width = xs.get(xs.size() - 1) - xs.get(0);
        double height = ys.get(ys.size() - 1) - ys.get(0);
        assertThat(width / height).isCloseTo(Backdrop.ASPECT, within(1e-9));
        assertThat(xs.get(0)).isLessThan(-1);
        assertThat(xs.get(xs.size() - 1)).isGreaterThan(1);
        assertThat((List<?>) land.get("levels")).hasSizeGreaterThan(5);
    }
}
