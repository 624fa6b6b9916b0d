package org.varflow.generative;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.varflow.api.Flow;
import org.varflow.api.Observer;
import org.varflow.api.ObserverFactory;
import org.varflow.api.Snapshot;

/**
 * Attached to runs with the energy {@code diffusion-score}: at the end, the exact W2 between the N generated
 * particles and a fresh sample of the data law of size N ({@link Diffusion#w2}), and the sampling-noise baseline W2
 * between two independent data samples of size N (seeded, fixed). Exact discrete OT costs O(N^3) in 2-D: skipped
 * (null) above N = 3000 there.
 */
public final class DiffusionW2ObserverFactory implements ObserverFactory {
    private static final int MAX_EXACT_2D = 3000;

    @Override
    public String id() {
        return "diffusion-w2";
    }

    @Override
    public String summary() {
        return "W2 of the generated samples to a fresh data sample, with the W2 of two data samples as baseline";
    }

    @Override
    public boolean appliesTo(Flow flow) {
        return flow.energy() instanceof DiffusionScoreEnergyFactory.ScoreEnergy;
    }

    @Override
    public Observer create(Flow flow) {
        DiffusedGaussianMixture law = ((DiffusionScoreEnergyFactory.ScoreEnergy) flow.energy()).law();
        return new Observer() {
            private final Map<String, Object> summary = new LinkedHashMap<>();

            @Override
            public void observe(Snapshot snapshot) {
            }

            @Override
            public void finish(Snapshot snapshot) {
                int n = snapshot.particles();
                int d = snapshot.dimension();
                summary.put("samples", n);
                if (n < 2 || (d > 1 && n > MAX_EXACT_2D)) {
                    summary.put("w2", null);
                    summary.put("w2Baseline", null);
                    return;
                }
                SplittableRandom rng = new SplittableRandom(20261129L);
                double[] reference = law.sample(n, rng.split());
                summary.put("w2", Diffusion.w2(snapshot.states().clone(), reference, d));
                summary.put("w2Baseline", Diffusion.w2(law.sample(n, rng.split()), reference, d));
            }

            @Override
            public Map<String, Object> summary() {
                return summary;
            }
        };
    }
}
