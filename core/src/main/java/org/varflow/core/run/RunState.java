package org.varflow.core.run;

/**
 * Everything a run needs to continue bitwise-identically from a step: the states, the schemes' auxiliary state,
 * every block's random stream, the time, the current step length and how often it was halved.
 *
 * @param step      steps taken
 * @param time      time reached
 * @param dt        the current step length (smaller than the spec's after halvings)
 * @param halvings  how often dt was halved after a divergence
 * @param states    row-major N x d
 * @param auxiliary row-major N x a (a = the scheme's auxiliary dimension, often 0)
 * @param streams   the saved state of each block's random stream, in block order
 */
public record RunState(long step, double time, double dt, int halvings, double[] states, double[] auxiliary,
                       byte[][] streams) {
    public RunState {
        states = states.clone();
        auxiliary = auxiliary.clone();
        byte[][] copy = new byte[streams.length][];
        for (int i = 0; i < streams.length; i++) {
            copy[i] = streams[i].clone();
        }
        streams = copy;
    }
}
