package org.varflow.measures.observe;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scalar followed along a run: its first and last values, how often it rose, and about {@value #POINTS} (time,
 * value) samples for the summary.
 */
final class Trace {
    static final int POINTS = 50;
    private final List<Double> times = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private final double tolerance;
    private long stride = 1;
    private long next;
    private double first = Double.NaN;
    private double last = Double.NaN;
    private long increases;
    private double largestIncrease;
    private boolean started;

    /** @param tolerance relative rise (of max(1, |value|)) not counted as an increase (rounding) */
    Trace(double tolerance) {
        this.tolerance = tolerance;
    }

    void start(long steps) {
        stride = Math.max(1, steps / POINTS);
        next = 0;
    }

    /** Whether the step is one of the sampled ones (the first, every stride-th, and any at or after the end). */
    boolean wants(long step, boolean end) {
        return step >= next || end;
    }

    void add(long step, double time, double value) {
        add(step, time, value, false);
    }

    /** Adds an observed value; {@code force} records the sample even between strides (the last one). */
    void add(long step, double time, double value, boolean force) {
        if (force && !times.isEmpty() && times.get(times.size() - 1) == time) {
            return; // already recorded
        }
        if (started && value > last + tolerance * Math.max(1, Math.abs(last))) {
            increases++;
            largestIncrease = Math.max(largestIncrease, value - last);
        }
        if (!started) {
            first = value;
            started = true;
        }
        last = value;
        if (step >= next || force) {
            times.add(time);
            values.add(Measures.number(value));
            while (next <= step) {
                next += stride;
            }
        }
    }

    double last() {
        return last;
    }

    /** Writes everything {@link #restore} needs (doubles as raw bits, null samples as NaN). */
    void save(DataOutput out) throws IOException {
        out.writeLong(stride);
        out.writeLong(next);
        out.writeDouble(first);
        out.writeDouble(last);
        out.writeLong(increases);
        out.writeDouble(largestIncrease);
        out.writeBoolean(started);
        out.writeInt(times.size());
        for (int i = 0; i < times.size(); i++) {
            out.writeDouble(times.get(i));
            Double v = values.get(i);
            out.writeDouble(v == null ? Double.NaN : v);
        }
    }

    /** Reads back what {@link #save} wrote. */
    void restore(DataInput in) throws IOException {
        stride = in.readLong();
        next = in.readLong();
        first = in.readDouble();
        last = in.readDouble();
        increases = in.readLong();
        largestIncrease = in.readDouble();
        started = in.readBoolean();
        int n = in.readInt();
        times.clear();
        values.clear();
        for (int i = 0; i < n; i++) {
            times.add(in.readDouble());
            values.add(Measures.number(in.readDouble()));
        }
    }

    Map<String, Object> summary(boolean withTrace) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initial", Measures.number(first));
        m.put("final", Measures.number(last));
        m.put("increases", increases);
        m.put("largestIncrease", Measures.number(largestIncrease));
        if (withTrace) {
            m.put("times", new ArrayList<>(times));
            m.put("values", new ArrayList<>(values));
        }
        return m;
    }
}
