package org.varflow.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.cli.sweep.SweepEngine;
import org.varflow.cli.sweep.Table;

/**
 * Spark's Parquet tables go with a failed sweep: a table that cannot be written takes those written before it, and
 * tables written before the command failed are removed when it discards its outputs, after the session stopped.
 */
class ParquetTablesTest {
    @TempDir
    Path dir;

    @Test
    void theTablesAreWrittenAllOrNoneAndRemovedAfterTheSessionStopped() throws Exception {
        Table runs = new Table("runs", List.of(new Table.Column("run", Table.Type.LONG)), List.of(List.of(1L)));
        Table broken = new Table("cells", List.of(new Table.Column("runs", Table.Type.LONG)),
                List.of(List.of("not a number")));
        SweepEngine.Session session = new SparkSweepEngine().open(new SweepEngine.Options("local[1]", null,
                List.of(), "ParquetTablesTest", true, null));
        List<String> written;
        try {
            assertThatThrownBy(() -> session.writeTables(List.of(runs, broken), dir)).isInstanceOf(Exception.class);
            assertThat(list(dir)).as("the table written first goes with the one that failed").isEmpty();
            written = session.writeTables(List.of(runs), dir);
            assertThat(dir.resolve("runs.parquet")).isDirectory();
        } finally {
            session.close();
        }
        session.removeTables(written);
        assertThat(list(dir)).isEmpty();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
