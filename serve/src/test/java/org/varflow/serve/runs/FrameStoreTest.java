package org.varflow.serve.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varflow.serve.view.ViewFrame;

class FrameStoreTest {
    private static ViewFrame frame(long step) {
        return new ViewFrame(step, step * 0.1, 0, Double.NaN, new float[] {step});
    }

    @Test
    void keepsEvenlySpacedFramesAndAlwaysTheLatest() {
        FrameStore store = new FrameStore(8);
        for (long s = 0; s <= 37; s++) {
            store.add(frame(s));
        }
        List<Long> steps = store.all().stream().map(ViewFrame::step).toList();
        assertThat(steps).containsExactly(0L, 8L, 16L, 24L, 32L, 37L); // stride 8 after three halvings
        assertThat(store.arrived()).isEqualTo(38);
        assertThat(store.latest().step()).isEqualTo(37);
    }

    @Test
    void thinsToTheRequestedNumberWithTheEnds() {
        FrameStore store = new FrameStore(100);
        for (long s = 0; s < 50; s++) {
            store.add(frame(s));
        }
        List<Long> steps = FrameStore.thin(store.all(), 5).stream().map(ViewFrame::step).toList();
        assertThat(steps).containsExactly(0L, 12L, 25L, 37L, 49L);
        assertThat(FrameStore.thin(store.all(), 500)).hasSize(50);
    }
}
