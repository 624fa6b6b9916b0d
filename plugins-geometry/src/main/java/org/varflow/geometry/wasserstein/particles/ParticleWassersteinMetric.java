package org.varflow.geometry.wasserstein.particles;

import org.varflow.api.Metric;

/**
 * W2 on an ensemble: the Euclidean metric per particle, K = I (the particles' mass 1/N is carried by the extensive
 * energy instead: E = N F). K^{1/2} = I, div K = 0.
 */
public enum ParticleWassersteinMetric implements Metric {
    INSTANCE;

    @Override
    public void raise(double[] x, double[] covector, double[] out) {
        System.arraycopy(covector, 0, out, 0, x.length);
    }

    @Override
    public void sqrtRaise(double[] x, double[] xi, double[] out) {
        System.arraycopy(xi, 0, out, 0, x.length);
    }

    @Override
    public boolean isConstant() {
        return true;
    }
}
