package org.varflow.serve.http;

import io.javalin.http.sse.SseClient;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.serve.runs.ExplorerRun;
import org.varflow.serve.runs.RunManager;
import org.varflow.serve.runs.UnknownRunException;
import org.varflow.serve.view.ViewFrame;
import org.varflow.serve.view.ViewKind;

/**
 * {@code GET /api/runs/{id}/events}: server-sent events while a run goes on, at most about ten a second, pulled from
 * the run (a slow browser never slows the run down): {@code progress} (the status without spec and summary),
 * {@code frame} (the latest frame, thinned to {@value #LIVE_POINTS} points) and, once, {@code end} (the full status,
 * summary included); then the stream closes.
 */
final class EventStream {
    /** Points a live frame carries at most. */
    static final int LIVE_POINTS = 2000;
    /** The least time between two events, milliseconds. */
    static final long PACE = 100;

    private final RunManager runs;

    EventStream(RunManager runs) {
        this.runs = runs;
    }

    void stream(SseClient client) {
        ExplorerRun run;
        try {
            run = runs.get(client.ctx().pathParam("id"));
        } catch (UnknownRunException e) {
            client.sendEvent("error", Json.write(Map.of("error", e.getMessage(), "status", 404)));
            client.close();
            return;
        }
        long seen = -1;
        long frameStep = -1;
        try {
            while (!client.terminated()) {
                long version = run.awaitChange(seen, 1000);
                boolean ended = run.status().ended();
                if (version != seen) {
                    client.sendEvent("progress", Json.write(run.statusMap(false)));
                    ViewFrame f = run.latestFrame();
                    if (f != null && f.step() != frameStep) {
                        client.sendEvent("frame", Json.write(live(run, f)));
                        frameStep = f.step();
                    }
                } else {
                    client.sendComment("waiting");
                }
                seen = version;
                if (ended) {
                    client.sendEvent("end", Json.write(run.statusMap(true)));
                    break;
                }
                Thread.sleep(PACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }

    private static Map<String, Object> live(ExplorerRun run, ViewFrame f) {
        float[] v = f.values();
        ViewKind kind = run.view().kind();
        int width = kind == ViewKind.PLANE ? 2 : 1;
        if ((kind == ViewKind.PLANE || kind == ViewKind.LINE) && v.length > LIVE_POINTS * width) {
            v = Arrays.copyOf(v, LIVE_POINTS * width);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", f.step());
        m.put("time", f.time());
        m.put("energy", Double.isFinite(f.energy()) ? f.energy() : null);
        m.put("freeEnergy", Double.isFinite(f.freeEnergy()) ? f.freeEnergy() : null);
        m.put("values", v);
        return m;
    }
}
