package org.varflow.models.meanfield;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.varflow.api.measure.InitialLaw;
import org.varflow.models.presets.MeanFieldPresets;

/**
 * The seed's width sweep: the same network trained at several widths m (20, 200, 2000) from the same kind of
 * start, recording the loss curve R(epoch) and histograms of the first-layer weights w at chosen epochs.
 *
 * <p>Each width is exactly the {@code mean-field-network} preset's flow (Euler steps theta_i -= h_m dE/dtheta_i,
 * E = m R, on the {@code ensemble} drawn from N(0, I_3) with the given seed, the same draw as the ensemble space's),
 * run here without the runner so that the demo can call it directly. The step rule:
 * <ul>
 *   <li>{@link StepRule#MEAN_FIELD}: h_m = h. In the mean-field parametrisation the neurons' velocities are O(1)
 *       and the stability limit does not depend on m; all widths then follow the same limit PDE, so their curves
 *       agree up to fluctuations that shrink as m grows.</li>
 *   <li>{@link StepRule#SEED}: h_m = h sqrt(m / m_max). The seed trains the standard parametrisation
 *       f = sum a_i relu(w_i x + b_i) (a_i of size 1/sqrt(m)) with lr = 0.1/sqrt(m); there the function moves at a
 *       speed of order m lr ~ sqrt(m) (the tangent kernel is a sum over m neurons), so in mean-field time the
 *       widths take steps proportional to sqrt(m). Anchored at the widest network, every h_m stays below the
 *       width-independent stability limit. Wider networks then reach a lower loss at equal epochs (the seed's
 *       "wider networks converge faster").</li>
 * </ul>
 */
public final class WidthSweep {

    /** How the step depends on the width. */
    public enum StepRule {
        /** h_m = h for every width (mean-field time). */
        MEAN_FIELD,
        /** h_m = h sqrt(m / m_max) (the seed's lr ~ 1/sqrt(m) of the standard parametrisation, in mean-field time). */
        SEED
    }

    /**
     * What to run.
     *
     * @param widths    the widths m, each >= 1
     * @param epochs    full-batch steps per width
     * @param points    number n of training points
     * @param target    one of {@link TrainingSet#TARGETS}
     * @param dt        the step h (of the widest network under {@link StepRule#SEED})
     * @param rule      the step rule
     * @param seed      seed of the initial neurons (the ensemble space's {@code seed})
     * @param std       standard deviations of the Gaussian initial law of (a, w, b), 3 entries
     * @param snapshots epochs at which to histogram w (each in [0, epochs]; the last epoch is always added)
     * @param bins      histogram bins over [-range, range]
     * @param range     half-width of the histogram window
     */
    public record Config(int[] widths, int epochs, int points, String target, double dt, StepRule rule, long seed,
                         double[] std, int[] snapshots, int bins, double range) {
        public Config {
            widths = widths.clone();
            std = std.clone();
            snapshots = snapshots.clone();
            if (widths.length == 0 || Arrays.stream(widths).anyMatch(m -> m < 1)) {
                throw new IllegalArgumentException("widths must be >= 1, got " + Arrays.toString(widths));
            }
            if (epochs < 0 || !(dt > 0) || std.length != 3 || bins < 1 || !(range > 0)) {
                throw new IllegalArgumentException("need epochs >= 0, dt > 0, 3 std entries, bins >= 1, range > 0");
            }
            TrainingSet.target(target, 0);
        }

        /**
         * The seed's experiment: widths 20, 200, 2000, 1500 epochs, 64 points, h = 0.2, snapshots 0/200/500, 48 bins
         * on [-6, 6].
         */
        public static Config seedExperiment() {
            return new Config(new int[] {20, 200, 2000}, MeanFieldPresets.EPOCHS, 64, "sin-3sin",
                    MeanFieldPresets.DT, StepRule.SEED, 1, new double[] {1, 1, 1}, new int[] {0, 200, 500}, 48, 6);
        }

        @Override
        public int[] widths() {
            return widths.clone();
        }

        @Override
        public double[] std() {
            return std.clone();
        }

        @Override
        public int[] snapshots() {
            return snapshots.clone();
        }
    }

    /**
     * A histogram of the first-layer weights w_i: density per bin (integrates to the fraction inside the window).
     *
     * @param epoch   when it was taken
     * @param lower   left edge of the first bin
     * @param width   bin width
     * @param density density of w per bin
     * @param mean    mean of w
     * @param std     standard deviation of w
     */
    public record Histogram(int epoch, double lower, double width, double[] density, double mean, double std) {
        public Histogram {
            density = density.clone();
        }

        @Override
        public double[] density() {
            return density.clone();
        }
    }

    /**
     * One width's training.
     *
     * @param width      m
     * @param dt         the step h_m used
     * @param loss       R after 0, 1, ..., epochs steps (epochs + 1 values)
     * @param histograms w histograms at the snapshot epochs, in order
     * @param state      the final neurons (a, w, b) row-major
     */
    public record Run(int width, double dt, double[] loss, List<Histogram> histograms, double[] state) {
        public Run {
            loss = loss.clone();
            histograms = List.copyOf(histograms);
            state = state.clone();
        }

        @Override
        public double[] loss() {
            return loss.clone();
        }

        @Override
        public double[] state() {
            return state.clone();
        }

        /** R after the last epoch. */
        public double finalLoss() {
            return loss[loss.length - 1];
        }
    }

    /** The result: one {@link Run} per width, in the order of {@link Config#widths()}. */
    public record Result(Config config, List<Run> runs) {
        public Result {
            runs = List.copyOf(runs);
        }
    }

    private WidthSweep() {
    }

    /** Runs every width of {@code config} (sequentially; each width is single-threaded). */
    public static Result run(Config config) {
        TrainingSet data = TrainingSet.of(config.target(), config.points(), -1, 1);
        int mMax = Arrays.stream(config.widths()).max().orElseThrow();
        List<Run> runs = new ArrayList<>();
        for (int m : config.widths()) {
            double h = config.rule() == StepRule.SEED ? config.dt() * Math.sqrt((double) m / mMax) : config.dt();
            runs.add(train(data, m, h, config));
        }
        return new Result(config, runs);
    }

    /** The starting neurons: m draws from N(0, diag(std^2)) exactly as the {@code ensemble} space makes them. */
    public static double[] initialNeurons(int m, double[] std, long seed) {
        InitialLaw law = new InitialLaw("gaussian", new double[3], std, new double[3]);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] theta = new double[3 * m];
        double[] point = new double[3];
        for (int i = 0; i < m; i++) {
            law.sample(rng, point);
            System.arraycopy(point, 0, theta, 3 * i, 3);
        }
        return theta;
    }

    /** Euler steps theta -= h dE(theta) on {@code risk}, returning R before each step and after the last. */
    public static double[] train(MeanFieldRisk risk, double[] theta, double h, int epochs) {
        double[] loss = new double[epochs + 1];
        double[] g = new double[theta.length];
        int m = risk.width();
        for (int e = 0; e < epochs; e++) {
            loss[e] = risk.valueAndGradient(theta, g) / m;
            for (int j = 0; j < theta.length; j++) {
                theta[j] += h * -g[j];
            }
        }
        loss[epochs] = risk.risk(theta);
        return loss;
    }

    private static Run train(TrainingSet data, int m, double h, Config c) {
        MeanFieldRisk risk = new MeanFieldRisk(data, m);
        double[] theta = initialNeurons(m, c.std(), c.seed());
        int[] snaps = snapshotEpochs(c);
        double[] loss = new double[c.epochs() + 1];
        List<Histogram> hist = new ArrayList<>();
        int next = 0;
        int done = 0;
        while (next < snaps.length) {
            int until = snaps[next];
            if (until > done) {
                double[] part = train(risk, theta, h, until - done);
                System.arraycopy(part, 0, loss, done, part.length);
                done = until;
            }
            hist.add(histogram(theta, until, c.bins(), c.range()));
            next++;
        }
        if (done < c.epochs()) {
            double[] part = train(risk, theta, h, c.epochs() - done);
            System.arraycopy(part, 0, loss, done, part.length);
        } else if (c.epochs() == 0) {
            loss[0] = risk.risk(theta);
        }
        return new Run(m, h, loss, hist, theta);
    }

    private static int[] snapshotEpochs(Config c) {
        return java.util.stream.IntStream.concat(Arrays.stream(c.snapshots()),
                java.util.stream.IntStream.of(c.epochs()))
                .filter(e -> e >= 0 && e <= c.epochs()).distinct().sorted().toArray();
    }

    /** Histogram of the w coordinates (every third, from index 1). */
    static Histogram histogram(double[] theta, int epoch, int bins, double range) {
        int m = theta.length / 3;
        double[] count = new double[bins];
        double width = 2 * range / bins;
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < m; i++) {
            double w = theta[3 * i + 1];
            s += w;
            s2 += w * w;
            int b = (int) Math.floor((w + range) / width);
            if (b >= 0 && b < bins) {
                count[b] += 1.0 / (m * width);
            }
        }
        double mean = s / m;
        double var = Math.max(0, s2 / m - mean * mean);
        return new Histogram(epoch, -range, width, count, mean, Math.sqrt(var));
    }
}
