package org.varflow.schemes.minibatch;

/** How a minibatch is drawn from the n terms of a finite-sum energy. */
enum Sampling {
    /** |B| distinct indices, a fresh uniformly random subset every step. */
    WITHOUT_REPLACEMENT("without-replacement"),
    /** |B| independent uniform indices every step (repeats possible). */
    WITH_REPLACEMENT("with-replacement"),
    /** Each epoch a fresh random permutation, consumed in consecutive batches (the last one may be smaller). */
    RESHUFFLED_EPOCHS("reshuffled-epochs");

    private final String label;

    Sampling(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Sampling fromLabel(String label) {
        for (Sampling s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException(label);
    }

    /**
     * The finite-population factor of the variance of a batch mean: 1 with replacement, 1 - |B|/n without (the
     * unbiased sample variance estimates the population variance with divisor n - 1 in that case).
     */
    double populationFactor(int batch, int n) {
        return this == WITH_REPLACEMENT ? 1.0 : 1.0 - (double) batch / n;
    }
}
