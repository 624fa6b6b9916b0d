package org.varflow.measures.particles;

import org.varflow.api.FlatMetric;

/**
 * W2 on an ensemble: the Euclidean metric per particle, K = I (the particles' mass 1/N is carried by the extensive
 * energy instead: E = N F). K^{1/2} = I, div K = 0.
 */
public enum ParticleWassersteinMetric implements FlatMetric {
    INSTANCE
}
