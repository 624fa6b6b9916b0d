package org.varflow.core.random;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.varflow.api.RandomStream;

/**
 * One random stream per particle block: block b of a run with seed s uses xoshiro256++ seeded with four words of
 * SplitMix64 started from a mix of (s, b). Normal deviates come from the McFarland ziggurat sampler of Commons
 * RNG. Streams depend only on (seed, block), never on which thread runs the block.
 *
 * <p><b>The fast path.</b> A block stream is bitwise the stream of Commons RNG's {@code XoShiRo256PlusPlus} under its
 * {@code ZigguratSampler.NormalizedGaussian} (tested, and checked again when this class loads), but it does not
 * call them for the common case: the generator's four words are fields here, and a deviate that falls in the
 * ziggurat's rectangles (253 of 256 layers, about 99% of draws) is {@code X[i] * xx} from the next word {@code xx},
 * with the layer {@code i} its low byte. The rest — the edges, overhangs and tail — go to the library's sampler, which
 * draws the same word again from these fields and takes its own edge path. Inlined into a scheme's loop, the fast path
 * costs about a third of the library's chain of calls (the generator, the sampler and its provider interface).
 * The table {@code X} is read from the library itself through its public API (see {@link Ziggurat}), so the stream
 * stays the library's whatever version is on the class path.
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
        return new BlockStream(words);
    }

    /** The SplitMix64 finaliser (Stafford variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * xoshiro256++ (Blackman and Vigna), the generator of Commons RNG's {@code XoShiRo256PlusPlus}, with its state
     * in fields the block stream reads directly:
     * <pre>
     *   out = rotl(s0 + s3, 23) + s0;  t = s1 &lt;&lt; 17;
     *   s2 ^= s0;  s3 ^= s1;  s1 ^= s2;  s0 ^= s3;  s2 ^= t;  s3 = rotl(s3, 45)
     * </pre>
     */
    static final class Xoshiro256 implements UniformRandomProvider {
        long s0;
        long s1;
        long s2;
        long s3;

        Xoshiro256(long[] words) {
            s0 = words[0];
            s1 = words[1];
            s2 = words[2];
            s3 = words[3];
        }

        /** The next output without advancing. */
        long peek() {
            return Long.rotateLeft(s0 + s3, 23) + s0;
        }

        /** Advances the state by one output. */
        void advance() {
            long t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Long.rotateLeft(s3, 45);
        }

        @Override
        public long nextLong() {
            long out = peek();
            advance();
            return out;
        }

        /** (next >>> 11) 2^-53, Commons RNG's conversion. */
        @Override
        public double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }
    }

    /**
     * The rectangle layers of Commons RNG's normalised-Gaussian ziggurat, read through its public API: for a word
     * {@code xx = 2^62 + i} (low byte i; as a double exactly 2^62), a layer on the fast path returns
     * {@code X[i] 2^62} after one draw, so {@code X[i]} is that sample times 2^-62, exactly. Layers are probed from
     * 0 up while they take one draw; the first that draws more is where the edges begin. If the probe does not find a
     * prefix of fast layers, or the fast path does not reproduce the library on a check stream, {@link #LAYERS} is 0
     * and every deviate comes from the library.
     */
    static final class Ziggurat {
        /** Number of fast layers (253 in Commons RNG 1.7); 0 if the fast path is off. */
        static final int LAYERS;
        /** X[i] for the fast layers. */
        static final double[] X = new double[256];

        static {
            int layers = 0;
            for (int i = 0; i < 256; i++) {
                Probe probe = new Probe((1L << 62) + i);
                double sample = ZigguratSampler.NormalizedGaussian.of(probe).sample();
                if (probe.draws != 1) {
                    break;
                }
                X[i] = sample * 0x1.0p-62;
                layers++;
            }
            LAYERS = layers > 0 && layers < 256 && reproducesLibrary(layers) ? layers : 0;
        }

        private Ziggurat() {
        }

        private static boolean reproducesLibrary(int layers) {
            long[] words = {0x9E3779B97F4A7C15L, 0xBF58476D1CE4E5B9L, 0x94D049BB133111EBL, 0x632BE59BD9B4E019L};
            Xoshiro256 mine = new Xoshiro256(words);
            ZigguratSampler.NormalizedGaussian edges = ZigguratSampler.NormalizedGaussian.of(mine);
            ZigguratSampler.NormalizedGaussian library =
                    ZigguratSampler.NormalizedGaussian.of(new XoShiRo256PlusPlus(words.clone()));
            for (int k = 0; k < 4096; k++) {
                double fast = gaussian(mine, edges, layers);
                if (Double.doubleToRawLongBits(fast) != Double.doubleToRawLongBits(library.sample())) {
                    return false;
                }
            }
            return true;
        }

        /** A provider whose first word is given and whose later words come from a fixed generator. */
        private static final class Probe implements UniformRandomProvider {
            private final long first;
            private final XoShiRo256PlusPlus rest = new XoShiRo256PlusPlus(new long[] {1, 2, 3, 4});
            private int draws;

            Probe(long first) {
                this.first = first;
            }

            @Override
            public long nextLong() {
                return draws++ == 0 ? first : rest.nextLong();
            }
        }
    }

    /** One normal deviate: the fast path for {@code layers} layers, else the library's sampler on the same words. */
    static double gaussian(Xoshiro256 rng, ZigguratSampler.NormalizedGaussian edges, int layers) {
        long xx = rng.peek();
        int i = (int) xx & 0xff;
        if (i < layers) {
            rng.advance();
            return Ziggurat.X[i] * xx;
        }
        return edges.sample(); // draws xx again and takes the edge path
    }

    /**
     * A block's stream: xoshiro256++ plus the ziggurat Gaussian sampler (which keeps no state of its own), whose
     * state can be saved and restored exactly for checkpoints (in Commons RNG's format for the generator).
     */
    public static final class BlockStream implements RandomStream {
        /** The generator's four words in Commons RNG's state bytes (little-endian), before its own 16 bytes. */
        private static final int WORD_BYTES = 32;
        private static final int LAYERS = Ziggurat.LAYERS;

        private final Xoshiro256 rng;
        private final ZigguratSampler.NormalizedGaussian edges;
        /** The bytes of Commons RNG's state after the words (its unused caches), kept as restored. */
        private byte[] tail;
        /** The words at the last {@link #mark()}. */
        private long m0;
        private long m1;
        private long m2;
        private long m3;

        BlockStream(long[] words) {
            this.rng = new Xoshiro256(words);
            this.edges = ZigguratSampler.NormalizedGaussian.of(rng);
        }

        @Override
        public double nextGaussian() {
            return gaussian(rng, edges, LAYERS);
        }

        /**
         * The same deviates as {@link #nextGaussian()} called {@code length} times, with the generator's words in
         * local variables for the whole loop (written back only around an edge draw and at the end).
         */
        @Override
        public void nextGaussians(double[] out, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, out.length);
            Xoshiro256 g = rng;
            long s0 = g.s0;
            long s1 = g.s1;
            long s2 = g.s2;
            long s3 = g.s3;
            double[] table = Ziggurat.X;
            for (int k = offset; k < offset + length; k++) {
                long xx = Long.rotateLeft(s0 + s3, 23) + s0;
                int i = (int) xx & 0xff;
                if (i < LAYERS) {
                    long t = s1 << 17;
                    s2 ^= s0;
                    s3 ^= s1;
                    s1 ^= s2;
                    s0 ^= s3;
                    s2 ^= t;
                    s3 = Long.rotateLeft(s3, 45);
                    out[k] = table[i] * xx;
                } else {
                    g.s0 = s0;
                    g.s1 = s1;
                    g.s2 = s2;
                    g.s3 = s3;
                    out[k] = edges.sample();
                    s0 = g.s0;
                    s1 = g.s1;
                    s2 = g.s2;
                    s3 = g.s3;
                }
            }
            g.s0 = s0;
            g.s1 = s1;
            g.s2 = s2;
            g.s3 = s3;
        }

        @Override
        public double nextDouble() {
            return rng.nextDouble();
        }

        /** Remembers the generator's position, for {@link #reset()}; nothing allocated. */
        public void mark() {
            m0 = rng.s0;
            m1 = rng.s1;
            m2 = rng.s2;
            m3 = rng.s3;
        }

        /** Returns to the position of the last {@link #mark()}: the same draws follow again. */
        public void reset() {
            rng.s0 = m0;
            rng.s1 = m1;
            rng.s2 = m2;
            rng.s3 = m3;
        }

        /** The generator's complete state, as Commons RNG's {@code XoShiRo256PlusPlus} saves it. */
        public byte[] saveState() {
            if (tail == null) {
                byte[] fresh = ((RandomProviderDefaultState) new XoShiRo256PlusPlus(new long[4]).saveState())
                        .getState();
                tail = java.util.Arrays.copyOfRange(fresh, WORD_BYTES, fresh.length);
            }
            ByteBuffer b = ByteBuffer.allocate(WORD_BYTES + tail.length).order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(rng.s0).putLong(rng.s1).putLong(rng.s2).putLong(rng.s3).put(tail);
            return b.array();
        }

        /** Continues from a state returned by {@link #saveState()}. */
        public void restoreState(byte[] state) {
            // the library validates the bytes (length) and says what is wrong with them
            new XoShiRo256PlusPlus(new long[4]).restoreState(new RandomProviderDefaultState(state));
            ByteBuffer b = ByteBuffer.wrap(state).order(ByteOrder.LITTLE_ENDIAN);
            rng.s0 = b.getLong();
            rng.s1 = b.getLong();
            rng.s2 = b.getLong();
            rng.s3 = b.getLong();
            tail = java.util.Arrays.copyOfRange(state, WORD_BYTES, state.length);
        }
    }
}
