package org.varflow.noise;

import java.util.Random;
import org.varflow.api.RandomStream;

/** A {@link RandomStream} backed by {@link java.util.Random}, for tests without core. */
public final class JavaRandomStream implements RandomStream {
    private final Random random;

    public JavaRandomStream(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public double nextGaussian() {
        return random.nextGaussian();
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }
}
