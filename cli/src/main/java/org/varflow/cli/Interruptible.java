package org.varflow.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.varflow.core.run.RunControl;

/**
 * Runs a command so that Ctrl-C (SIGINT, or any orderly JVM shutdown) stops the flow after its current step and
 * still writes what was computed: the shutdown hook asks the run to stop and waits for the outputs to be written.
 */
final class Interruptible {
    /** How long shutdown waits for a stopped run to write its outputs. */
    private static final long GRACE_SECONDS = 30;

    private Interruptible() {
    }

    static int run(RunControl control, Callable<Integer> body) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.requestStop();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "varflow-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return body.call();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: it will see 'finished' and return
            }
        }
    }
}
