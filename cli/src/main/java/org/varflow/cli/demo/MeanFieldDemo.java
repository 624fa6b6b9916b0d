package org.varflow.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.cli.plot.Colours;
import org.varflow.cli.plot.Histogram;
import org.varflow.cli.plot.Plots;

/**
 * Seed 004's width sweep of the mean-field two-layer ReLU network: preset {@code mean-field-network} with 20, 200 and
 * 2000 neurons, 1500 full-batch epochs on 64 points of sin(pi x) + 0.5 sin(3 pi x).
 *
 * <p>In the preset's mean-field parametrisation (f = (1/m) sum a_i relu(w_i x + b_i), E = m R) a neuron's velocity is
 * O(1); the seed's learning rate 0.1/sqrt(m) of the standard parametrisation is, in these units, a step growing like
 * sqrt(m): h_m = 0.2 sqrt(m / 2000) (see the preset's explain text). Predictions: the loss never increases (a gradient
 * flow below its stability limit) and wider networks reach a lower loss at equal epochs; the weight histogram of the
 * widest network is the smoothest (its empirical measure is closest to the mean-field density).
 */
final class MeanFieldDemo implements Demo {
    static final int[] WIDTHS = {20, 200, 2000};
    static final int EPOCHS = 1500;
    static final int BINS = 48;

    @Override
    public String name() {
        return "mean-field";
    }

    @Override
    public String title() {
        return "the mean-field limit of a two-layer ReLU network: the width sweep 20 / 200 / 2000 of seed 004";
    }

    @Override
    public String story() {
        return "Preset 'mean-field-network' at widths 20, 200 and 2000 (neurons (a, w, b) as particles of an ensemble"
                + " under the Wasserstein metric), 1500 full-batch epochs, the seed's step rule h_m = 0.2 sqrt(m /"
                + " 2000). Training is the Wasserstein gradient flow of the risk of the neurons' law: the loss never"
                + " increases, wider networks reach lower loss at equal epochs, and the first-layer weight histogram"
                + " becomes a smooth density as m grows.";
    }

    @Override
    public void run(DemoContext c) {
        FlowSpec base = c.preset("mean-field-network");
        List<Plots.Series> curves = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        double[] finals = new double[WIDTHS.length];
        double[] roughness = new double[WIDTHS.length];
        for (int k = 0; k < WIDTHS.length; k++) {
            int m = WIDTHS[k];
            double h = 0.2 * Math.sqrt(m / 2000.0);
            DemoContext.Run run = c.run("m" + m, base.withParam(PartKind.SPACE, "n", m).withDt(h).withSteps(EPOCHS));
            Map<?, ?> loss = run.outcome().summary().observer("training-loss").entries();
            double r0 = ((Number) loss.get("initial")).doubleValue();
            finals[k] = ((Number) loss.get("final")).doubleValue();
            int increases = ((Number) loss.get("increases")).intValue();
            c.figure("m = " + m + ": loss " + DemoContext.fmt(r0) + " -> " + DemoContext.fmt(finals[k]),
                    increases + " increases", "0 (a gradient flow below its stability limit)",
                    increases == 0 && finals[k] < r0);
            List<?> trace = (List<?>) loss.get("trace");
            double[] t = new double[trace.size()];
            double[] v = new double[trace.size()];
            for (int i = 0; i < t.length; i++) {
                List<?> pair = (List<?>) trace.get(i);
                t[i] = ((Number) pair.get(0)).doubleValue(); // the step: one full-batch epoch each
                v[i] = ((Number) pair.get(1)).doubleValue();
            }
            curves.add(new Plots.Series("m = " + m, t, v, Colours.sequential(k, WIDTHS.length),
                    Plots.Line.SOLID));
            double[] w = new double[m];
            double[] state = run.states();
            for (int i = 0; i < m; i++) {
                w[i] = state[3 * i + 1];
            }
            weights.add(w);
        }
        // one set of bins for the three widths, covering every weight of all of them (roughness compares like with
        // like); 48 bins as in the seed
        double lo = weights.stream().flatMapToDouble(java.util.Arrays::stream).min().orElseThrow();
        double hi = weights.stream().flatMapToDouble(java.util.Arrays::stream).max().orElseThrow();
        var hist = Plots.chart("first-layer weights w after " + EPOCHS + " epochs (48 bins over all weights)", "w",
                "density", c.size());
        for (int k = 0; k < WIDTHS.length; k++) {
            Histogram h = Histogram.window(weights.get(k), lo, hi, (hi - lo) / BINS);
            roughness[k] = roughness(h.density());
            Plots.outline(hist, "m = " + WIDTHS[k], h, Colours.sequential(k, WIDTHS.length));
        }
        for (int k = 1; k < WIDTHS.length; k++) {
            c.figure("final loss m = " + WIDTHS[k] + " below m = " + WIDTHS[k - 1], DemoContext.fmt(finals[k]) + " < "
                    + DemoContext.fmt(finals[k - 1]), "wider is lower at equal epochs", finals[k] < finals[k - 1]);
        }
        c.figure("histogram roughness sum |p_{j+1} - p_j|", DemoContext.fmt(roughness[0]) + " / "
                + DemoContext.fmt(roughness[1]) + " / " + DemoContext.fmt(roughness[2]), "falls with m (smoother)",
                roughness[2] < roughness[1] && roughness[1] < roughness[0]);
        var chart = Plots.over("training loss by width (mean-field network)", "epoch (one full-batch step)",
                "R (log scale)", curves, false, 0, c.size());
        chart.getStyler().setYAxisLogarithmic(true);
        c.plot(chart, "mean-field-loss");
        c.plot(hist, "mean-field-weights");
    }

    /** Total variation of a histogram across bins: large for a spiky empirical measure, small for a smooth density. */
    static double roughness(double[] p) {
        double s = 0;
        for (int i = 0; i + 1 < p.length; i++) {
            s += Math.abs(p[i + 1] - p[i]);
        }
        return s;
    }
}
