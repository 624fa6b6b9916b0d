package org.varflow.measures.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.PartChoice;
import org.varflow.api.Space;
import org.varflow.measures.MeasureRuns;
import org.varflow.measures.particles.EnsembleSpace;

/**
 * The starting laws of grids and ensembles ({@code init}): a formula at the cell centres, values from a file, the
 * histogram of samples, a full covariance, and the points of a file in order.
 */
class MeasureStartsTest {
    @TempDir
    Path dir;

    static Space space(PartChoice choice) {
        String scheme = choice.id().equals("ensemble") ? "euler" : "density-euler";
        return MeasureRuns.VARFLOW.assemble(MeasureRuns.spec(choice, PartChoice.of("wasserstein"),
                PartChoice.of("none"), PartChoice.of("boltzmann"), PartChoice.of(scheme), 1, 1e-4)).flow().space();
    }

    @Test
    void aFormulaIsTheDensityAtTheCellCentresNormalised() {
        GridSpace g = (GridSpace) space(PartChoice.of("grid-1d").with("cells", 100).with("lower", -5)
                .with("upper", 5).with("init", "formula").with("formula", "exp(-(x1 - 1)^2) * (2 + sin(x1))"));
        double[] rho = g.initialState();
        double[] c = new double[1];
        double z = 0;
        for (int i = 0; i < 100; i++) {
            g.layout().centre(i, c);
            z += Math.exp(-(c[0] - 1) * (c[0] - 1)) * (2 + Math.sin(c[0])) * 0.1;
        }
        for (int i = 0; i < 100; i++) {
            g.layout().centre(i, c);
            assertThat(rho[i]).isCloseTo(Math.exp(-(c[0] - 1) * (c[0] - 1)) * (2 + Math.sin(c[0])) / z,
                    within(1e-14));
        }
        assertThat(g.layout().mass(rho)).isCloseTo(1, within(1e-14));
    }

    @Test
    void valuesFromAFileAndAHistogramOfSamples() throws Exception {
        Path values = dir.resolve("rho.csv");
        Files.writeString(values, "rho\n1\n3\n0\n4\n");
        GridSpace g = (GridSpace) space(PartChoice.of("grid-1d").with("cells", 4).with("lower", 0).with("upper", 2)
                .with("init", "density").with("file", values.toString()));
        assertThat(g.initialState()).containsExactly(new double[] {0.25, 0.75, 0, 1}, within(1e-15));
        // a 2-D table of ny rows of nx values is the grid, first axis fastest
        Path table = dir.resolve("table.csv");
        Files.writeString(table, "1,2,3\n4,5,6\n");
        GridSpace g2 = (GridSpace) space(PartChoice.of("grid-2d").with("cells", "3,2").with("lower", "0")
                .with("upper", "1").with("init", "density").with("file", table.toString()));
        double area = (1.0 / 3) * 0.5;
        assertThat(g2.initialState()[1] / g2.initialState()[3]).isCloseTo(2.0 / 4, within(1e-14));
        assertThat(g2.layout().mass(g2.initialState())).isCloseTo(1, within(1e-14));
        assertThat(g2.initialState()[5]).isCloseTo(6 / (21 * area), within(1e-12));

        Path points = dir.resolve("points.csv");
        Files.writeString(points, "0.1\n0.2\n0.7\n1.9\n2.0\n");
        GridSpace h = (GridSpace) space(PartChoice.of("grid-1d").with("cells", 4).with("lower", 0).with("upper", 2)
                .with("init", "samples").with("file", points.toString()));
        // counts 2, 1, 0, 2 (2.0 is on the upper edge: the last cell), each / (5 * 0.5)
        assertThat(h.initialState()).containsExactly(new double[] {0.8, 0.4, 0, 0.8}, within(1e-15));
    }

    @Test
    void anEnsembleStartsFromAFullCovarianceOrFromAFileInOrder() throws Exception {
        int n = 20_000;
        EnsembleSpace e = (EnsembleSpace) space(PartChoice.of("ensemble").with("n", n).with("d", 2)
                .with("init", "gaussian").with("covariance", "2,-0.8;-0.8,1").with("seed", 3));
        double[] x = e.initialState();
        double s12 = 0;
        double s11 = 0;
        for (int p = 0; p < n; p++) {
            s11 += x[2 * p] * x[2 * p] / n;
            s12 += x[2 * p] * x[2 * p + 1] / n;
        }
        assertThat(s11).isCloseTo(2, within(5 * 2 * Math.sqrt(2.0 / n)));
        assertThat(s12).isCloseTo(-0.8, within(5 * Math.sqrt((2 + 0.64) / n)));

        Path file = dir.resolve("cloud.csv");
        Files.writeString(file, "x,y\n1,2\n3,4\n");
        EnsembleSpace two = (EnsembleSpace) space(PartChoice.of("ensemble").with("n", 2).with("d", 2)
                .with("init", "samples").with("file", file.toString()));
        assertThat(two.initialState()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void badStartsAreRefusedByName() {
        assertThatThrownBy(() -> space(PartChoice.of("grid-1d").with("init", "formula").with("formula", "x1 - 1")))
                .hasMessageContaining("space 'grid-1d': the starting density 'x1 - 1' is -5.975 at the centre [-4.975]"
                        + " of cell 1; a density is finite and >= 0");
        assertThatThrownBy(() -> space(PartChoice.of("grid-1d").with("init", "formula").with("formula", "x1 +")))
                .hasMessageContaining("space 'grid-1d': parameter 'formula': column 5: the formula ends");
        assertThatThrownBy(() -> space(PartChoice.of("grid-1d").with("formula", "x1^2")))
                .hasMessageContaining("parameter 'formula' applies to init=formula, but init is gaussian");
        assertThatThrownBy(() -> space(PartChoice.of("grid-1d").with("cells", 4).with("init", "density")))
                .hasMessageContaining("init density needs the values: 'density' (inline) or 'file'");
    }
}
