package org.varflow.serve.runs;

import java.util.ArrayList;
import java.util.List;
import org.varflow.serve.view.ViewFrame;

/**
 * The frames a run keeps: every frame until {@code capacity}, then every other one (the kept ones stay evenly
 * spaced: the stride doubles each time the store fills), and always the latest. Thread-safe: the run adds, requests
 * read.
 */
final class FrameStore {
    private final int capacity;
    private final List<ViewFrame> kept = new ArrayList<>();
    private ViewFrame latest;
    private long arrived;
    private long stride = 1;

    FrameStore(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity " + capacity + " < 2");
        }
        this.capacity = capacity;
    }

    synchronized void add(ViewFrame frame) {
        if (arrived % stride == 0) {
            if (kept.size() == capacity) {
                List<ViewFrame> half = new ArrayList<>(capacity / 2 + 1);
                for (int i = 0; i < kept.size(); i += 2) {
                    half.add(kept.get(i));
                }
                kept.clear();
                kept.addAll(half);
                stride *= 2;
            }
            if (arrived % stride == 0) {
                kept.add(frame);
            }
        }
        arrived++;
        latest = frame;
    }

    /** The kept frames in order, the latest included. */
    @SuppressWarnings("ReferenceEquality") // the same frame object, not an equal one: is the latest already kept?
    synchronized List<ViewFrame> all() {
        List<ViewFrame> out = new ArrayList<>(kept);
        if (latest != null && (out.isEmpty() || out.get(out.size() - 1) != latest)) {
            out.add(latest);
        }
        return out;
    }

    /** The most recent frame, or null. */
    synchronized ViewFrame latest() {
        return latest;
    }

    /** How many frames the run has produced. */
    synchronized long arrived() {
        return arrived;
    }

    /** At most {@code n} of the kept frames, evenly spaced, the first and the latest included. */
    static List<ViewFrame> thin(List<ViewFrame> frames, int n) {
        if (frames.size() <= n) {
            return frames;
        }
        List<ViewFrame> out = new ArrayList<>(n);
        if (n == 1) {
            out.add(frames.get(frames.size() - 1));
            return out;
        }
        int last = -1;
        for (int k = 0; k < n; k++) {
            int i = (int) Math.round((double) k * (frames.size() - 1) / (n - 1));
            if (i != last) {
                out.add(frames.get(i));
                last = i;
            }
        }
        return out;
    }
}
