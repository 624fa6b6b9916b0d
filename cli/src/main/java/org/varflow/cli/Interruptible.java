package org.varflow.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.output.RunDirectory;
import org.varflow.core.run.PartBlame;
import org.varflow.core.run.RunControl;

/**
 * Runs a command's flow so that it always ends with a message saying which run ended and why:
 *
 * <ul>
 *   <li>Ctrl-C (or any signal that shuts the JVM down) asks the run to stop after its current step and waits up to
 *       {@value #GRACE_MILLIS} ms for what was computed to be written; a run that does not stop in that time (a part
 *       that never returns) is ended without outputs, and the message says so.</li>
 *   <li>A part that calls {@code System.exit} is named (the class and method that called it), the run's partial files
 *       are removed, and the process ends with exit code {@link Main#PART_FAILED}.</li>
 *   <li>With {@code --timeout}, a run that takes longer is asked to stop; the command then fails with exit code
 *       {@link Main#TIMED_OUT} and no summary (a checkpoint, if any, is kept for {@code varflow resume}); a run that
 *       does not stop within the grace time is ended there.</li>
 * </ul>
 */
final class Interruptible {
    /** How long a stopped run may take to finish writing before the process ends anyway. */
    static final long GRACE_MILLIS = 5_000;

    /** The body of a command, given the guard to consult after its run returns. */
    interface Body {
        int call(Guard guard) throws Exception;
    }

    /** What the body learns about why its run stopped. */
    static final class Guard {
        private final RunControl control;
        private final String what;
        private final Duration timeout;
        private final Path checkpoint;
        private volatile boolean timedOut;

        Guard(RunControl control, String what, Duration timeout, Path checkpoint) {
            this.control = control;
            this.what = what;
            this.timeout = timeout;
            this.checkpoint = checkpoint;
        }

        /** Throws when the run stopped because of its timeout: it failed, and writes no summary. */
        void afterRun() {
            if (timedOut) {
                throw new RunTimedOutException(timedOutMessage(false));
            }
        }

        String timedOutMessage(boolean forced) {
            String kept = checkpoint != null && java.nio.file.Files.isRegularFile(checkpoint)
                    ? "; the checkpoint " + checkpoint + " is kept: 'varflow resume " + checkpoint.getParent()
                    + "' continues the run" : "; no outputs were written";
            return what + " took longer than --timeout " + describe(timeout) + " and was stopped at step "
                    + control.progress() + (forced ? " (a part did not return within " + GRACE_MILLIS / 1000
                    + " s of the stop, so the process was ended)" : "") + kept;
        }
    }

    private Interruptible() {
    }

    /** Runs a command of several flows (compare, demo): Ctrl-C and System.exit as above, without a timeout. */
    static int run(RunControl control, java.util.concurrent.Callable<Integer> body) throws Exception {
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.StandardCharsets.UTF_8), true);
        return run(control, "the command", null, null, err, null, null, guard -> body.call());
    }

    /**
     * Runs {@code body} (which runs {@code assembled} with {@code control}).
     *
     * @param what       how messages name the run, e.g. "run langevin"
     * @param owned      the run's output directory, cleaned when the process must end without outputs (or null)
     * @param checkpoint the run's checkpoint file (kept when the run can be resumed), or null
     */
    static int run(RunControl control, String what, AssembledFlow assembled, Duration timeout, PrintWriter err,
                   RunDirectory owned, Path checkpoint, Body body) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Guard guard = new Guard(control, what, timeout, checkpoint);
        Thread hook = new Thread(() -> onShutdown(control, what, assembled, err, owned, checkpoint, finished),
                "varflow-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread watchdog = timeout == null ? null : watchdog(guard, timeout, err, owned, checkpoint, finished);
        try {
            return body.call(guard);
        } catch (Exception | Error e) {
            if (owned != null) {
                // a numerical failure would diverge again from its checkpoint: nothing is kept then
                owned.abandon(e instanceof org.varflow.api.NumericalException ? null : checkpoint);
            }
            throw e;
        } finally {
            finished.countDown();
            if (watchdog != null) {
                watchdog.interrupt();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: it will see 'finished' and return
            }
        }
    }

    private static void onShutdown(RunControl control, String what, AssembledFlow assembled, PrintWriter err,
                                   RunDirectory owned, Path checkpoint, CountDownLatch finished) {
        StackTraceElement[] exiting = exitCall();
        if (exiting != null) {
            String who = assembled != null ? PartBlame.of(assembled, exiting, "called System.exit", "at step "
                    + control.progress()).getMessage() : "a part called System.exit"
                    + (exiting.length == 0 ? "" : " (in " + exiting[0].getClassName() + "." + exiting[0].getMethodName()
                    + ")");
            err.println("varflow: part failure: " + who + "; " + what + " was stopped and no outputs were written");
            err.flush();
            if (owned != null) {
                owned.abandon(checkpoint);
            }
            Runtime.getRuntime().halt(Main.PART_FAILED);
        }
        control.requestStop();
        err.println("varflow: interrupted: stopping " + what + " after step " + control.progress()
                + "; writing what was computed");
        err.flush();
        try {
            if (!finished.await(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                err.println("varflow: " + what + " did not stop within " + GRACE_MILLIS / 1000 + " s (a part is not"
                        + " returning); it was ended without outputs");
                err.flush();
                if (owned != null) {
                    owned.abandon(checkpoint);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The stack of a thread inside {@code System.exit} / {@code Runtime.exit}, from the caller down; else null. */
    private static StackTraceElement[] exitCall() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] frames = e.getValue();
            for (int i = 0; i < frames.length; i++) {
                if (frames[i].getClassName().equals("java.lang.Runtime") && frames[i].getMethodName().equals("exit")) {
                    int from = i + 1;
                    while (from < frames.length && frames[from].getClassName().equals("java.lang.System")) {
                        from++;
                    }
                    return java.util.Arrays.copyOfRange(frames, from, frames.length);
                }
            }
        }
        return null;
    }

    private static Thread watchdog(Guard guard, Duration timeout, PrintWriter err, RunDirectory owned,
                                   Path checkpoint, CountDownLatch finished) {
        Thread t = new Thread(() -> {
            try {
                if (finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
                guard.timedOut = true;
                guard.control.requestStop();
                if (!finished.await(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    err.println("varflow: " + guard.timedOutMessage(true));
                    err.flush();
                    if (owned != null) {
                        owned.abandon(checkpoint);
                    }
                    Runtime.getRuntime().halt(Main.TIMED_OUT);
                }
            } catch (InterruptedException e) {
                // the run finished
            }
        }, "varflow-timeout");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }
}
