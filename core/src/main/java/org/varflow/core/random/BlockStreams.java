package org.varflow.core.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
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
    public static RandomStream forBlock(long seed, long block) {
        long state = mix(seed ^ 0x5DEECE66DL) + mix(block + 0x632BE59BD9B4E019L);
        long[] words = new long[4];
        for (int i = 0; i < words.length; i++) {
            state += 0x9E3779B97F4A7C15L;
            words[i] = mix(state);
        }
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(words);
        return new ZigguratStream(rng);
    }

    /** The SplitMix64 finaliser (Stafford variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Commons RNG provider plus ziggurat Gaussian sampler. */
    private static final class ZigguratStream implements RandomStream {
        private final UniformRandomProvider rng;
        private final ZigguratSampler.NormalizedGaussian gaussian;

        ZigguratStream(UniformRandomProvider rng) {
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
    }
}
