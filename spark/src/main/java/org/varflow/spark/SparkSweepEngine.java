package org.varflow.spark;

import org.varflow.cli.sweep.SweepEngine;

/**
 * {@code --engine spark}: the tasks of a sweep as a Spark job, one task per partition. Listed in
 * {@code META-INF/services/org.varflow.cli.sweep.SweepEngine}, so {@code varflow sweep} finds it whenever this module
 * and Spark are on the classpath (the job jar under spark-submit, or the classpath {@code varflow} builds from
 * {@code --spark-jars}).
 */
public final class SparkSweepEngine implements SweepEngine {
    /** The id of the Spark engine. */
    public static final String ID = "spark";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Session open(Options options) {
        return new SparkSweepSession(Sessions.start(options), options.tables());
    }
}
