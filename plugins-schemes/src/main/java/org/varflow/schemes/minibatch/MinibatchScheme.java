package org.varflow.schemes.minibatch;

import java.util.Map;
import java.util.TreeMap;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FiniteSumEnergy;
import org.varflow.api.Flow;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.NumericalException;
import org.varflow.api.PartKind;
import org.varflow.api.PoissonMetric;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.StepContext;

/**
 * The minibatch scheme of one run. Auxiliary state per particle, for reshuffled epochs only:
 * {@code [cursor + 1, permutation_1..n]} (0 in the cursor slot means not yet shuffled). The schedule's k is the
 * step's index.
 */
final class MinibatchScheme implements Scheme {
    static final String STEPS = "steps";
    static final String ESTIMATES = "noiseEstimates";
    static final String TRACE_SUM = "gradientNoiseTraceSum";
    static final String TEMPERATURE_SUM = "sgdTemperatureSum";
    static final String LAST_STEP = "finalStepSize";
    static final String LANGEVIN_TIME = "langevinTime";

    private final int batchSize;
    private final Sampling sampling;
    private final StepSchedule schedule;
    private final FiniteSumEnergy energy;

    /**
     * @throws ConfigurationException when the energy has no terms, or fewer than a batch drawn without replacement
     */
    MinibatchScheme(int batchSize, Sampling sampling, StepSchedule schedule, FiniteSumEnergy energy) {
        int n = energy.terms();
        if (n < 1) {
            throw new ConfigurationException("scheme 'minibatch': the energy has no terms (n = " + n + ")");
        }
        if (sampling != Sampling.WITH_REPLACEMENT && batchSize > n) {
            throw new ConfigurationException("scheme 'minibatch': batchSize = " + batchSize + " is larger than the"
                    + " number of terms n = " + n + " of the energy, impossible " + sampling.label()
                    + "; give batchSize <= " + n + " or sampling 'with-replacement'");
        }
        this.batchSize = batchSize;
        this.sampling = sampling;
        this.schedule = schedule;
        this.energy = energy;
    }

    @Override
    public Stepper stepper(Flow flow) {
        return new MinibatchStepper(flow, energy);
    }

    @Override
    public int auxiliaryDimension(Flow flow) {
        return sampling == Sampling.RESHUFFLED_EPOCHS ? 1 + energy.terms() : 0;
    }

    @Override
    public Map<String, Object> report(Map<String, Double> totals) {
        Map<String, Object> out = new TreeMap<>();
        out.put("batchSize", (long) batchSize);
        out.put("sampling", sampling.label());
        double steps = totals.getOrDefault(STEPS, 0.0);
        out.put("particleSteps", (long) steps);
        double estimates = totals.getOrDefault(ESTIMATES, 0.0);
        if (estimates > 0) {
            out.put("gradientNoiseTrace", totals.get(TRACE_SUM) / estimates);
            out.put("sgdTemperature", totals.get(TEMPERATURE_SUM) / estimates);
        }
        if (totals.containsKey(LAST_STEP)) {
            out.put(LAST_STEP, totals.get(LAST_STEP));
            out.put(LANGEVIN_TIME, totals.get(LANGEVIN_TIME));
        }
        return out;
    }

    /** One block's scratch and running statistics. */
    private final class MinibatchStepper implements Stepper {
        private final Flow flow;
        private final FiniteSumEnergy energy;
        private final Metric metric;
        private final Noise noise;
        private final boolean deterministic;
        private final int d;
        private final int n;
        private final double[] gradient;
        private final double[] term;
        private final double[] sum;
        private final double[] velocity;
        private final double[] work;
        private final double[] next;
        private final int[] batch;
        private final int[] permutation;
        private final int[] swaps;
        private long steps;
        private long estimates;
        private double traceSum;
        private double temperatureSum;
        private long furthest = -1;
        private double lastStep = Double.NaN;
        private double langevinTime;

        MinibatchStepper(Flow flow, FiniteSumEnergy energy) {
            this.flow = flow;
            this.energy = energy;
            this.metric = flow.metric();
            this.noise = flow.noise();
            this.deterministic = flow.isDeterministic();
            this.d = flow.dimension();
            this.n = energy.terms();
            this.gradient = new double[d];
            this.term = new double[d];
            this.sum = new double[d];
            this.velocity = new double[d];
            this.work = new double[2 * d];
            this.next = new double[d];
            this.batch = new int[batchSize];
            this.permutation = new int[n];
            this.swaps = new int[batchSize];
            for (int i = 0; i < n; i++) {
                permutation[i] = i;
            }
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            double t = step.time();
            double h = step.dt();
            long k = step.index();
            double hk = schedule.step(h, k);
            double temperature = deterministic ? 0.0 : flow.temperature(t);
            if (!(temperature >= 0)) {
                throw new NumericalException("scheme 'minibatch': temperature T = " + temperature + " is not >= 0"
                        + " at t = " + t + "; check the entropy part (T = 1/beta)", PartKind.ENTROPY);
            }
            int size = drawBatch(aux, rng);

            // g = dr(x) + (n / |B|) sum_{i in B} df_i(x), and the batch's sum and sum of squares for tr Sigma
            energy.regularizerGradient(x, gradient);
            java.util.Arrays.fill(sum, 0.0);
            double squares = 0;
            for (int j = 0; j < size; j++) {
                java.util.Arrays.fill(term, 0.0);
                energy.addTermGradient(batch[j], x, 1.0, term);
                for (int c = 0; c < d; c++) {
                    sum[c] += term[c];
                    squares += term[c] * term[c];
                }
            }
            double scale = (double) n / size;
            double sumSquared = 0;
            for (int c = 0; c < d; c++) {
                gradient[c] += scale * sum[c];
                sumSquared += sum[c] * sum[c];
            }
            if (size >= 2) {
                double s2 = Math.max(0.0, (squares - sumSquared / size) / (size - 1));
                double trace = (double) n * n * s2 / size * sampling.populationFactor(size, n);
                traceSum += trace;
                temperatureSum += hk * trace / (2.0 * d);
                estimates++;
            }

            // velocity = -K g + J g (+ T div K), then the step and the noise
            metric.raise(x, gradient, velocity);
            for (int c = 0; c < d; c++) {
                velocity[c] = -velocity[c];
            }
            if (metric instanceof PoissonMetric poisson) {
                poisson.applyPoisson(x, gradient, work);
                for (int c = 0; c < d; c++) {
                    velocity[c] += work[c];
                }
            }
            if (!deterministic) {
                noise.addDriftCorrection(x, temperature, metric, work, velocity);
            }
            for (int c = 0; c < d; c++) {
                velocity[c] *= hk;
            }
            if (!deterministic) {
                noise.addIncrement(x, hk, temperature, metric, rng, work, velocity);
            }
            metric.retract(x, velocity, next);
            System.arraycopy(next, 0, x, 0, d);
            steps++;
            if (k > furthest) {
                furthest = k;
                lastStep = hk;
                langevinTime += hk;
            }
        }

        /** Fills {@code batch} and returns its size. */
        private int drawBatch(double[] aux, RandomStream rng) {
            switch (sampling) {
                case WITH_REPLACEMENT -> {
                    for (int j = 0; j < batchSize; j++) {
                        batch[j] = Math.min(n - 1, (int) (rng.nextDouble() * n));
                    }
                    return batchSize;
                }
                case WITHOUT_REPLACEMENT -> {
                    // partial Fisher-Yates on the identity: a uniformly random ordered subset; the swaps are undone
                    // in reverse order, so the permutation is the identity again and the batch depends on the
                    // random stream alone (a resumed run, which starts a fresh stepper, draws the same batches)
                    for (int j = 0; j < batchSize; j++) {
                        int r = j + Math.min(n - 1 - j, (int) (rng.nextDouble() * (n - j)));
                        swaps[j] = r;
                        int swap = permutation[j];
                        permutation[j] = permutation[r];
                        permutation[r] = swap;
                        batch[j] = permutation[j];
                    }
                    for (int j = batchSize - 1; j >= 0; j--) {
                        int r = swaps[j];
                        int swap = permutation[j];
                        permutation[j] = permutation[r];
                        permutation[r] = swap;
                    }
                    return batchSize;
                }
                default -> {
                    int cursor;
                    if (aux[0] == 0.0) {
                        for (int i = 0; i < n; i++) {
                            aux[1 + i] = i;
                        }
                        cursor = n;
                    } else {
                        cursor = (int) aux[0] - 1;
                    }
                    if (cursor >= n) {
                        for (int i = n - 1; i > 0; i--) {
                            int r = Math.min(i, (int) (rng.nextDouble() * (i + 1)));
                            double swap = aux[1 + i];
                            aux[1 + i] = aux[1 + r];
                            aux[1 + r] = swap;
                        }
                        cursor = 0;
                    }
                    int size = Math.min(batchSize, n - cursor);
                    for (int j = 0; j < size; j++) {
                        batch[j] = (int) aux[1 + cursor + j];
                    }
                    aux[0] = cursor + size + 1;
                    return size;
                }
            }
        }

        @Override
        public void addStatistics(Map<String, Double> totals) {
            totals.merge(STEPS, (double) steps, Double::sum);
            totals.merge(ESTIMATES, (double) estimates, Double::sum);
            totals.merge(TRACE_SUM, traceSum, Double::sum);
            totals.merge(TEMPERATURE_SUM, temperatureSum, Double::sum);
            if (furthest >= 0) { // every block runs the same steps: these are equal across blocks
                totals.merge(LAST_STEP, lastStep, Math::max);
                totals.merge(LANGEVIN_TIME, langevinTime, Math::max);
            }
        }
    }
}
