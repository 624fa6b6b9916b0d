package org.varflow.geometry.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/** The starting curve of a path: a formula q(t) evaluated at the nodes, or the nodes given inline or in a file. */
class PathStartTest {
    private static final PathSpaceFactory FACTORY = new PathSpaceFactory();

    private static Space path(Object... keyValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return FACTORY.create(Parameters.resolve("space 'path'", FACTORY.parameters(), raw));
    }

    @Test
    void aFormulaIsEvaluatedAtTheInteriorNodes() {
        // q(t) = t^2 on [0, 2] from 0 to 4 with N = 4: nodes at t = 0.5, 1, 1.5
        double[] x = path("nodes", 4, "length", 2.0, "start", "0", "end", "4", "init", "formula", "formula", "t^2")
                .initialState();
        assertThat(x).containsExactly(new double[] {0.25, 1, 2.25}, within(1e-15));
        // two components, separated by ';', in s = t/T
        double[] xy = path("nodes", 2, "start", "0,1", "end", "1,1", "init", "formula", "formula",
                "s; 1 + s*(1 - s)").initialState();
        assertThat(xy).containsExactly(new double[] {0.5, 1.25}, within(1e-15));
    }

    @Test
    void nodesComeInlineWithOrWithoutTheEndsOrFromAFile(@TempDir Path dir) throws Exception {
        assertThat(path("nodes", 3, "init", "nodes", "path", "0.2,0.9").initialState()).containsExactly(0.2, 0.9);
        assertThat(path("nodes", 3, "init", "nodes", "path", "0,0.2,0.9,1").initialState()).containsExactly(0.2, 0.9);
        Path file = Files.writeString(dir.resolve("nodes.csv"), "q\n0.3\n0.6\n");
        assertThat(path("nodes", 3, "init", "nodes", "file", file.toString()).initialState())
                .containsExactly(0.3, 0.6);
    }

    @Test
    void curvesAndNodesThatMissTheEndsOrTheCountAreRefused() {
        assertThatThrownBy(() -> path("init", "formula", "formula", "t + 1"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("but start = 0");
        assertThatThrownBy(() -> path("init", "formula")).hasMessageContaining("init formula needs 'formula'");
        assertThatThrownBy(() -> path("init", "formula", "formula", "t; t"))
                .hasMessageContaining("has 2 components but the path's nodes have k = 1");
        assertThatThrownBy(() -> path("init", "formula", "formula", "t + (")).hasMessageContaining("column");
        assertThatThrownBy(() -> path("nodes", 3, "init", "nodes", "path", "0.2,0.5,0.9"))
                .hasMessageContaining("interior nodes");
        assertThatThrownBy(() -> path("nodes", 3, "init", "nodes", "path", "0.1,0.2,0.9,1"))
                .hasMessageContaining("the ends are fixed");
        assertThatThrownBy(() -> path("nodes", 3, "init", "nodes")).hasMessageContaining("not neither");
        assertThatThrownBy(() -> path("formula", "t")).hasMessageContaining("applies to init=formula");
        assertThatThrownBy(() -> path("start", "0,0", "end", "1")).hasMessageContaining("same k");
    }
}
