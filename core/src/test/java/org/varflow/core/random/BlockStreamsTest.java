package org.varflow.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.varflow.api.RandomStream;

/** Block streams: reproducible per (seed, block), distinct across blocks and seeds, standard normal. */
class BlockStreamsTest {

    @Test
    void theSameSeedAndBlockGiveTheSameSequence() {
        RandomStream a = BlockStreams.forBlock(123, 5);
        RandomStream b = BlockStreams.forBlock(123, 5);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.nextGaussian()).isEqualTo(b.nextGaussian());
            assertThat(a.nextDouble()).isEqualTo(b.nextDouble());
        }
    }

    @Test
    void aBlockStreamIsCommonsRngsXoshiro256PlusPlusSeededBySplitMix() {
        // the documented construction, spelled out with the library's factory: pins the streams (checkpoints and
        // golden summaries depend on them) whichever way the generator is constructed
        for (long seed : new long[] {0, 1, -7, Long.MAX_VALUE}) {
            for (long block = 0; block < 4; block++) {
                long state = BlockStreams.mix(seed ^ 0x5DEECE66DL) + BlockStreams.mix(block + 0x632BE59BD9B4E019L);
                long[] words = new long[4];
                for (int i = 0; i < 4; i++) {
                    state += 0x9E3779B97F4A7C15L;
                    words[i] = BlockStreams.mix(state);
                }
                UniformRandomProvider reference = RandomSource.XO_SHI_RO_256_PP.create(words);
                RandomStream stream = BlockStreams.forBlock(seed, block);
                for (int k = 0; k < 100; k++) {
                    assertThat(Double.doubleToRawLongBits(stream.nextDouble()))
                            .isEqualTo(Double.doubleToRawLongBits(reference.nextDouble()));
                }
            }
        }
    }

    @Test
    void theFastPathIsOnAndCoversTheLibrarysRectangles() {
        // Commons RNG 1.7's ziggurat has 253 rectangle layers of 256; 0 would mean the fast path switched itself off
        assertThat(BlockStreams.Ziggurat.LAYERS).isEqualTo(253);
    }

    @Test
    void aBlockStreamDrawsBitwiseWhatTheLibrarysGeneratorAndSamplerDraw() {
        // 2 x 10^6 mixed draws per stream: about 1 in 80 Gaussians takes the edge path (tails and overhangs
        // included, some 25 000 per stream), so both paths and their interleaving with uniforms are compared
        SplittableRandom choose = new SplittableRandom(7);
        for (long block = 0; block < 3; block++) {
            BlockStreams.BlockStream stream = BlockStreams.forBlock(42, block);
            XoShiRo256PlusPlus reference = new XoShiRo256PlusPlus(wordsOf(stream));
            ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(reference);
            for (int k = 0; k < 2_000_000; k++) {
                int kind = choose.nextInt(8);
                if (kind == 0) {
                    same(stream.nextDouble(), reference.nextDouble(), k, block);
                } else if (kind == 1) {
                    double[] many = new double[choose.nextInt(12)]; // the bulk path, edges inside it included
                    stream.nextGaussians(many);
                    for (double m : many) {
                        same(m, gaussian.sample(), k, block);
                    }
                } else if (kind == 2) {
                    // a range of a longer array (a block stepper's run): only the range is written
                    double[] buffer = new double[4 + choose.nextInt(12)];
                    java.util.Arrays.fill(buffer, -7.0);
                    int offset = choose.nextInt(3);
                    int length = choose.nextInt(buffer.length - offset + 1);
                    stream.nextGaussians(buffer, offset, length);
                    for (int i = 0; i < buffer.length; i++) {
                        if (i >= offset && i < offset + length) {
                            same(buffer[i], gaussian.sample(), k, block);
                        } else {
                            assertThat(buffer[i]).isEqualTo(-7.0);
                        }
                    }
                } else {
                    same(stream.nextGaussian(), gaussian.sample(), k, block);
                }
            }
        }
    }

    @Test
    void resetReturnsToTheMarkedPosition() {
        BlockStreams.BlockStream stream = BlockStreams.forBlock(5, 2);
        stream.nextGaussian();
        stream.mark();
        double[] first = new double[5000]; // edge draws (about 1 in 80) included
        stream.nextGaussians(first);
        double u = stream.nextDouble();
        stream.reset();
        double[] again = new double[5000];
        stream.nextGaussians(again);
        assertThat(again).containsExactly(first);
        assertThat(stream.nextDouble()).isEqualTo(u);
    }

    @Test
    void savedStatesAreTheLibrarysBytesAndRestoreEitherWay() {
        BlockStreams.BlockStream stream = BlockStreams.forBlock(3, 1);
        XoShiRo256PlusPlus reference = new XoShiRo256PlusPlus(wordsOf(stream));
        for (int k = 0; k < 1000; k++) {
            stream.nextGaussian();
            reference.nextLong();
        }
        // the same number of words drawn? the Gaussians that took the edge path drew more; align by state instead
        XoShiRo256PlusPlus aligned = new XoShiRo256PlusPlus(new long[4]);
        aligned.restoreState(new RandomProviderDefaultState(stream.saveState()));
        byte[] libraryBytes = ((RandomProviderDefaultState) aligned.saveState()).getState();
        assertThat(stream.saveState()).isEqualTo(libraryBytes);
        // restored from the library's bytes, the stream continues as the library does
        BlockStreams.BlockStream restored = BlockStreams.forBlock(99, 99);
        restored.restoreState(libraryBytes);
        for (int k = 0; k < 1000; k++) {
            assertThat(Double.doubleToRawLongBits(restored.nextDouble()))
                    .isEqualTo(Double.doubleToRawLongBits(aligned.nextDouble()));
        }
        assertThatThrownBy(() -> restored.restoreState(new byte[7])).isInstanceOf(IllegalStateException.class);
    }

    private static void same(double mine, double theirs, int draw, long block) {
        if (Double.doubleToRawLongBits(mine) != Double.doubleToRawLongBits(theirs)) {
            throw new AssertionError("draw " + draw + " of block " + block + ": " + mine + " != " + theirs);
        }
    }

    /** The four words of a fresh stream (its first state), read back through the saved bytes. */
    private static long[] wordsOf(BlockStreams.BlockStream stream) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(stream.saveState()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return new long[] {b.getLong(), b.getLong(), b.getLong(), b.getLong()};
    }

    @Test
    void differentBlocksAndSeedsGiveDifferentSequences() {
        double[][] first = new double[6][];
        first[0] = draw(BlockStreams.forBlock(123, 0));
        first[1] = draw(BlockStreams.forBlock(123, 1));
        first[2] = draw(BlockStreams.forBlock(123, 2));
        first[3] = draw(BlockStreams.forBlock(124, 0));
        first[4] = draw(BlockStreams.forBlock(124, 1));
        first[5] = draw(BlockStreams.forBlock(0, 0));
        for (int i = 0; i < first.length; i++) {
            for (int j = i + 1; j < first.length; j++) {
                for (int k = 0; k < first[i].length; k++) {
                    assertThat(first[i][k]).as("streams %d and %d, draw %d", i, j, k).isNotEqualTo(first[j][k]);
                }
            }
        }
    }

    /*
     * 1e6 standard normal draws: the sample mean has SE 1/sqrt(n) = 1e-3, the sample variance SE
     * sqrt(2/(n-1)) = 1.41e-3 (for normal data), the sample fourth moment (E = 3, Var = 96) SE sqrt(96/n) = 9.8e-3;
     * each within 5 SE. Uniform [0,1): mean 1/2 with SE sqrt(1/12/n) = 2.9e-4.
     */
    @Test
    void gaussiansAreStandardNormal() {
        int n = 1_000_000;
        RandomStream rng = BlockStreams.forBlock(2024, 3);
        double sum = 0;
        double sum2 = 0;
        double sum4 = 0;
        for (int i = 0; i < n; i++) {
            double z = rng.nextGaussian();
            sum += z;
            sum2 += z * z;
            sum4 += z * z * z * z;
        }
        double mean = sum / n;
        double var = (sum2 - n * mean * mean) / (n - 1);
        assertThat(mean).isCloseTo(0.0, within(5 / Math.sqrt(n)));
        assertThat(var).isCloseTo(1.0, within(5 * Math.sqrt(2.0 / (n - 1))));
        assertThat(sum4 / n).isCloseTo(3.0, within(5 * Math.sqrt(96.0 / n)));

        double u = 0;
        for (int i = 0; i < n; i++) {
            double v = rng.nextDouble();
            assertThat(v >= 0 && v < 1).isTrue();
            u += v;
        }
        assertThat(u / n).isCloseTo(0.5, within(5 * Math.sqrt(1.0 / 12 / n)));
    }

    private static double[] draw(RandomStream rng) {
        double[] out = new double[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextGaussian();
        }
        return out;
    }
}
