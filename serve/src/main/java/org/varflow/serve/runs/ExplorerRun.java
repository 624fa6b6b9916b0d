package org.varflow.serve.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varflow.Frame;
import org.varflow.FlowRun;
import org.varflow.RunSummary;
import org.varflow.serve.view.Backdrop;
import org.varflow.serve.view.ViewFrame;
import org.varflow.serve.view.ViewKind;
import org.varflow.serve.view.ViewPlan;

/**
 * One run of the explorer: its spec, how it is drawn, its frames as they come, its progress, and at the end its
 * summary (the same as {@code varflow run}'s) or the message of its failure. Written by the run's threads, read by
 * requests; every change bumps a version that event streams wait on.
 */
public final class ExplorerRun {
    private final String id;
    private final Map<String, Object> spec;
    private final Map<String, Object> decomposition;
    private final ViewPlan view;
    private final long plannedSteps;
    private final FrameStore frames;

    private RunStatus status = RunStatus.QUEUED;
    private FlowRun flowRun;
    private RunSummary summary;
    private String error;
    private String stopReason;
    private Map<String, Object> backdrop = Map.of();
    private long dropped;
    private double endProgress;
    private long version;

    ExplorerRun(String id, Map<String, Object> spec, Map<String, Object> decomposition, ViewPlan view,
                long plannedSteps, int keptFrames) {
        this.id = id;
        this.spec = spec;
        this.decomposition = decomposition;
        this.view = view;
        this.plannedSteps = plannedSteps;
        this.frames = new FrameStore(keptFrames);
    }

    public String id() {
        return id;
    }

    /** The spec that runs, every parameter explicit: what {@code varflow run --spec} repeats. */
    public Map<String, Object> spec() {
        return spec;
    }

    public ViewPlan view() {
        return view;
    }

    public synchronized RunStatus status() {
        return status;
    }

    /** The summary, once the run has ended with one (done or stopped). */
    public synchronized RunSummary summary() {
        return summary;
    }

    /** Called on the run's thread at each observation. */
    void onFrame(Frame frame) {
        frames.add(view.project(frame));
        changed();
    }

    synchronized void started(FlowRun run) {
        this.flowRun = run;
        if (status == RunStatus.QUEUED) {
            status = RunStatus.RUNNING;
        }
        if (stopReason != null) {
            run.stop();
        }
        changed();
    }

    /** Asks the run to stop; a queued run is cancelled. Returns whether anything changed. */
    synchronized boolean stop(String reason) {
        if (status == RunStatus.QUEUED) {
            status = RunStatus.CANCELLED;
            stopReason = reason;
            changed();
            return true;
        }
        if (status == RunStatus.RUNNING && stopReason == null) {
            stopReason = reason;
            if (flowRun != null) {
                flowRun.stop();
            }
            return true;
        }
        return false;
    }

    void finished(RunSummary result, long droppedFrames) {
        Map<String, Object> drawn = Backdrop.of(view, frames.all());
        synchronized (this) {
            summary = result;
            dropped = droppedFrames;
            release();
            backdrop = drawn;
            status = result.diagnostics().stoppedEarly() ? RunStatus.STOPPED : RunStatus.DONE;
            if (status == RunStatus.STOPPED && stopReason == null) {
                stopReason = "stopped early";
            }
            changed();
        }
    }

    void failed(String message) {
        Map<String, Object> drawn = Backdrop.of(view, frames.all());
        synchronized (this) {
            error = message;
            backdrop = drawn;
            release();
            status = RunStatus.FAILED;
            changed();
        }
    }

    /** Keeps the progress reached and lets the finished {@link FlowRun} (and its frame buffer) go. */
    private void release() {
        endProgress = flowRun == null ? 0 : flowRun.progress();
        flowRun = null;
    }

    private synchronized void changed() {
        version++;
        notifyAll();
    }

    /** Waits until the version passes {@code seen} or {@code millis} pass; returns the version. */
    public synchronized long awaitChange(long seen, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (version <= seen && !status.ended()) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return version;
    }

    /** The latest frame, or null before the first one. */
    public ViewFrame latestFrame() {
        return frames.latest();
    }

    /** The fraction of planned steps taken. */
    public synchronized double progress() {
        if (status == RunStatus.DONE) {
            return 1;
        }
        return flowRun == null ? endProgress : flowRun.progress();
    }

    /**
     * {@code GET /api/runs/{id}}: id, status, progress, the latest step, time and energies, the message of a
     * failure or why it stopped, and (when {@code full}) the spec, the decomposition, the view and the summary.
     */
    public Map<String, Object> statusMap(boolean full) {
        ViewFrame latest = frames.latest();
        long arrived = frames.arrived();
        synchronized (this) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("status", status.label());
            m.put("progress", progress());
            m.put("plannedSteps", plannedSteps);
            m.put("step", latest == null ? null : latest.step());
            m.put("time", latest == null ? null : latest.time());
            m.put("energy", latest == null ? null : finite(latest.energy()));
            m.put("freeEnergy", latest == null ? null : finite(latest.freeEnergy()));
            m.put("frames", arrived);
            m.put("droppedFrames", dropped);
            m.put("error", error);
            m.put("stopReason", stopReason);
            if (full) {
                m.put("spec", spec);
                m.put("decomposition", decomposition);
                m.put("view", view.describe());
                m.put("summary", summary == null ? null : summary.toMap());
            }
            return m;
        }
    }

    /**
     * {@code GET /api/runs/{id}/trajectory}: the energy and free energy of every kept frame, and at most
     * {@code count} frames (evenly spaced, first and latest included) with at most {@code points} points each, with
     * the view and its backdrop.
     */
    public Map<String, Object> trajectory(int count, int points) {
        List<ViewFrame> all = frames.all();
        Map<String, Object> drawn;
        synchronized (this) {
            drawn = backdrop;
        }
        List<Double> time = new ArrayList<>(all.size());
        List<Long> step = new ArrayList<>(all.size());
        List<Double> energy = new ArrayList<>(all.size());
        List<Double> free = new ArrayList<>(all.size());
        for (ViewFrame f : all) {
            time.add(f.time());
            step.add(f.step());
            energy.add(finite(f.energy()));
            free.add(finite(f.freeEnergy()));
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("step", step);
        series.put("time", time);
        series.put("energy", energy);
        series.put("freeEnergy", free);
        int width = view.kind() == ViewKind.PLANE ? 2 : 1;
        boolean pointsView = view.kind() == ViewKind.PLANE
                || view.kind() == ViewKind.LINE;
        List<Map<String, Object>> out = new ArrayList<>();
        for (ViewFrame f : FrameStore.thin(all, count)) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("step", f.step());
            fm.put("time", f.time());
            fm.put("energy", finite(f.energy()));
            fm.put("freeEnergy", finite(f.freeEnergy()));
            float[] v = f.values();
            if (pointsView && v.length > (long) points * width) {
                v = java.util.Arrays.copyOf(v, points * width);
            }
            fm.put("values", v);
            out.add(fm);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("status", status().label());
        m.put("view", view.describe());
        m.put("backdrop", drawn);
        m.put("series", series);
        m.put("keptFrames", all.size());
        m.put("frames", out);
        return m;
    }

    /** Every kept frame (for distances between runs). */
    public List<ViewFrame> keptFrames() {
        return frames.all();
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
