package org.varflow.core.checkpoint;

import org.varflow.api.FlowSpec;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.random.BlockStreams;
import org.varflow.core.run.FlowRunner;
import org.varflow.core.run.RunState;

/**
 * A checkpoint checked against the run that resumes it (its spec as recorded, assembled again): the sizes of the
 * states, the schemes' auxiliary state and the random streams; a step length that is the spec's halved as often as
 * the checkpoint says; a time and step count inside the run and consistent with each other. A checkpoint whose
 * checksum matches but whose header was rewritten by hand stops here, with a message naming the field.
 */
public final class CheckpointChecks {
    /** Relative rounding allowed between a time and the sum of the steps that reached it. */
    private static final double TIME_TOLERANCE = 1e-9;

    private CheckpointChecks() {
    }

    /** Refuses {@code saved} unless it fits {@code assembled}; {@code name} names the file in messages. */
    public static void against(Checkpoint saved, AssembledFlow assembled, String name) {
        FlowSpec spec = assembled.spec();
        RunState s = saved.state();
        int n = spec.particles();
        int d = assembled.flow().dimension();
        int a = org.varflow.core.observe.DissipationMeter.auxiliaryDimension(assembled); // as the run keeps them
        int blocks = (n + FlowRunner.BLOCK_SIZE - 1) / FlowRunner.BLOCK_SIZE;
        if (s.states().length != (long) n * d) {
            throw Checkpoint.mismatch(name, "it holds " + s.states().length + " state values but its spec runs "
                    + n + " particles of dimension " + d);
        }
        if (s.auxiliary().length != (long) n * a) {
            throw Checkpoint.mismatch(name, "it holds " + s.auxiliary().length + " auxiliary values but the"
                    + " scheme keeps " + a + " per particle for " + n + " particles");
        }
        if (s.streams().length != blocks) {
            throw Checkpoint.mismatch(name, "it holds " + s.streams().length + " random streams but " + n
                    + " particles use " + blocks);
        }
        int streamBytes = BlockStreams.forBlock(spec.seed(), 0).saveState().length;
        for (int b = 0; b < blocks; b++) {
            if (s.streams()[b].length != streamBytes) {
                throw Checkpoint.mismatch(name, "random stream " + b + " has a saved state of "
                        + s.streams()[b].length + " bytes, not " + streamBytes);
            }
        }
        if (s.halvings() > FlowRunner.MAX_HALVINGS) {
            throw Checkpoint.mismatch(name, "it records " + s.halvings() + " halvings of dt, more than the "
                    + FlowRunner.MAX_HALVINGS + " a run makes");
        }
        double expectedDt = Math.scalb(spec.dt(), -s.halvings());
        if (Double.doubleToLongBits(s.dt()) != Double.doubleToLongBits(expectedDt)) {
            throw Checkpoint.mismatch(name, "its step length dt = " + s.dt() + " is not the spec's dt = "
                    + spec.dt() + (s.halvings() == 0 ? "" : " halved " + s.halvings() + " times (" + expectedDt
                    + ")"));
        }
        long planned = spec.stepCount();
        double end = planned * spec.dt();
        if (!(s.time() < end)) {
            throw Checkpoint.mismatch(name, "its time t = " + s.time() + " is not before the run's end t = " + end);
        }
        if (s.halvings() == 0 && s.step() >= planned) {
            throw Checkpoint.mismatch(name, "its step count " + s.step() + " is not below the " + planned
                    + " steps the run takes");
        }
        double shortest = s.step() * s.dt();
        double longest = s.step() * spec.dt();
        if (s.time() < shortest * (1 - TIME_TOLERANCE) || s.time() > longest * (1 + TIME_TOLERANCE)) {
            throw Checkpoint.mismatch(name, "its time t = " + s.time() + " does not fit " + s.step() + " steps of"
                    + " dt = " + (s.halvings() == 0 ? String.valueOf(spec.dt()) : "between " + s.dt() + " and "
                    + spec.dt()));
        }
    }
}
