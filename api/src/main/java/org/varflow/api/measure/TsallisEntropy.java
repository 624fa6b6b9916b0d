package org.varflow.api.measure;

import org.varflow.api.Entropy;

/**
 * An entropy of Tsallis (porous-medium) type, T integral rho^m / (m - 1) with m &gt; 1, instead of Boltzmann's
 * T integral rho log rho (its limit m -&gt; 1). It is a functional of densities: the parts that act on measures (grid
 * and JKO schemes, the kernel-density noise, the free-energy and Gibbs diagnostics) read the exponent m from it, while
 * thermal noise of the samples can only realise the Boltzmann case.
 */
public interface TsallisEntropy extends Entropy {

    /** The exponent m &gt; 1. */
    double exponent();

    /** The exponent m of an entropy part: {@link #exponent()} for a {@code TsallisEntropy}, 1 (Boltzmann) otherwise. */
    static double exponentOf(Entropy entropy) {
        return entropy instanceof TsallisEntropy tsallis ? tsallis.exponent() : 1.0;
    }
}
