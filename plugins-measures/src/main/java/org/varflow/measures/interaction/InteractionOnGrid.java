package org.varflow.measures.interaction;

import org.varflow.api.Energy;
import org.varflow.api.measure.GridLayout;

/**
 * F(rho) = (1/2) sum_i sum_j W(c_i - c_j) rho_i rho_j |cell|^2 + (c/2) sum_i |c_i|^2 rho_i |cell| on a grid:
 * dF/drho_i = |cell| psi_i with psi_i = sum_j W(c_i - c_j) rho_j |cell| + c |c_i|^2 / 2. The kernel is tabulated by
 * cell offset once; each evaluation is O(cells^2), allocation-free.
 */
final class InteractionOnGrid implements Energy {
    private final GridLayout grid;
    private final double[] table;     // W at offset (di, dj), index (dj + ny - 1) * (2 nx - 1) + (di + nx - 1)
    private final double[] external;  // c |c_i|^2 / 2
    private final int nx;
    private final int ny;

    InteractionOnGrid(GridLayout grid, InteractionEnergyFactory.Kernel kernel) {
        this(grid, (zx, zy) -> kernel.w(zx * zx + zy * zy), kernel.confinement);
    }

    /** With the kernel given as W(zx, zy) (zy = 0 in one dimension) and the confinement c. */
    InteractionOnGrid(GridLayout grid, java.util.function.DoubleBinaryOperator kernel, double confinement) {
        this.grid = grid;
        this.nx = grid.cells(0);
        this.ny = grid.axes() == 2 ? grid.cells(1) : 1;
        this.table = new double[(2 * nx - 1) * (2 * ny - 1)];
        for (int dj = -(ny - 1); dj <= ny - 1; dj++) {
            for (int di = -(nx - 1); di <= nx - 1; di++) {
                double zx = di * grid.dx(0);
                double zy = grid.axes() == 2 ? dj * grid.dx(1) : 0;
                table[(dj + ny - 1) * (2 * nx - 1) + di + nx - 1] = kernel.applyAsDouble(zx, zy);
            }
        }
        this.external = new double[grid.size()];
        for (int i = 0; i < external.length; i++) {
            double r2 = 0;
            for (int a = 0; a < grid.axes(); a++) {
                double c = grid.centre(i, a);
                r2 += c * c;
            }
            external[i] = 0.5 * confinement * r2;
        }
    }

    /** psi_i without the confinement: sum_j W(c_i - c_j) rho_j |cell|. */
    private double convolution(double[] rho, int i) {
        int ix = i % nx;
        int iy = i / nx;
        double s = 0;
        int width = 2 * nx - 1;
        for (int jy = 0; jy < ny; jy++) {
            int row = (iy - jy + ny - 1) * width + ix + nx - 1;
            int base = jy * nx;
            for (int jx = 0; jx < nx; jx++) {
                s += table[row - jx] * rho[base + jx];
            }
        }
        return s * grid.cellVolume();
    }

    @Override
    public double value(double[] rho) {
        double e = 0;
        for (int i = 0; i < rho.length; i++) {
            if (rho[i] != 0) {
                e += rho[i] * (0.5 * convolution(rho, i) + external[i]);
            }
        }
        return e * grid.cellVolume();
    }

    @Override
    public void gradient(double[] rho, double[] out) {
        double v = grid.cellVolume();
        for (int i = 0; i < rho.length; i++) {
            out[i] = (convolution(rho, i) + external[i]) * v;
        }
    }
}
