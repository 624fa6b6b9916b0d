package org.varflow.core.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.Flow;
import org.varflow.api.Observer;
import org.varflow.api.ObserverFactory;
import org.varflow.api.Plugin;
import org.varflow.api.Snapshot;
import org.varflow.core.CorePlugin;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.core.testing.Flows;
import org.varflow.core.testing.TestParts;

class ContributedObserverTest {

    /** Counts observations and reports the last time; applies only to deterministic flows. */
    static final class Counting implements Plugin {
        @Override
        public String id() {
            return "counting";
        }

        @Override
        public Collection<ObserverFactory> observers() {
            return List.of(new ObserverFactory() {
                @Override
                public String id() {
                    return "count";
                }

                @Override
                public String summary() {
                    return "counts observations";
                }

                @Override
                public boolean appliesTo(Flow flow) {
                    return flow.isDeterministic();
                }

                @Override
                public Observer create(Flow flow) {
                    return new Observer() {
                        private int seen;
                        private double last;

                        @Override
                        public void observe(Snapshot s) {
                            seen++;
                            last = s.time();
                        }

                        @Override
                        public Map<String, Object> summary() {
                            return Map.of("seen", seen, "lastTime", last);
                        }
                    };
                }
            });
        }
    }

    @Test
    void applicableObserversAreAttachedAndReported() {
        Varflow varflow = Varflow.of(List.of(new CorePlugin(), new TestParts(), new Counting()));
        assertThat(varflow.registry().observers()).containsKey("count");
        var outcome = varflow.run(Flows.quadratic(2, "1,1", 20, 0.1).withEvery(5), new RunControl(1), null);
        org.varflow.Report count = outcome.summary().observer("count");
        assertThat(count.entries()).containsEntry("seen", 5).containsEntry("lastTime", 2.0);

        var stochastic = varflow.run(Flows.langevin(1, "1", 1, 4, 10, 0.1, 1L), new RunControl(1), null);
        assertThat(stochastic.summary().observers()).isEmpty();
    }
}
