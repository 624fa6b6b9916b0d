package org.varflow.core.random;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.varflow.api.RandomStream;

/**
 * One random stream per particle block: block b of a run with seed s uses xoshiro256++ seeded with four words of
 * SplitMix64 started from a mix of (s, b). Normal deviates come from the McFarland ziggurat sampler of Commons
 * RNG. Streams depend only on (seed, block), never on which thread runs the block.
 */
public final class BlockStreams {
    private BlockStreams() {
    }

    /** The stream of block {@code block} of a run seeded with {@code seed}. */
    public static BlockStream forBlock(long seed, long block) {
        long state = mix(seed ^ 0x5DEECE66DL) + mix(block + 0x632BE59BD9B4E019L);
        long[] words = new long[4];
        for (int i = 0; i < words.length; i++) {
            state += 0x9E3779B97F4A7C15L;
            words[i] = mix(state);
        }
        // the generator's own constructor: the same stream as RandomSource.XO_SHI_RO_256_PP.create(words) (a full
        // native seed is used as given), without the factory's reflection and seed converters at start-up
        return new BlockStream(new XoShiRo256PlusPlus(words));
    }

    /** The SplitMix64 finaliser (Stafford variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A block's stream: a Commons RNG provider plus the ziggurat Gaussian sampler (which keeps no state of its own),
     * whose state can be saved and restored exactly for checkpoints.
     */
    public static final class BlockStream implements RandomStream {
        private final RestorableUniformRandomProvider rng;
        private final ZigguratSampler.NormalizedGaussian gaussian;

        BlockStream(RestorableUniformRandomProvider rng) {
            this.rng = rng;
            this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        }

        @Override
        public double nextGaussian() {
            return gaussian.sample();
        }

        @Override
        public double nextDouble() {
            return rng.nextDouble();
        }

        /** The generator's complete state. */
        public byte[] saveState() {
            return ((RandomProviderDefaultState) rng.saveState()).getState();
        }

        /** Continues from a state returned by {@link #saveState()}. */
        public void restoreState(byte[] state) {
            rng.restoreState(new RandomProviderDefaultState(state));
        }
    }
}
