package org.varflow.serve.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varflow.Frame;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Flow;
import org.varflow.api.PartKind;
import org.varflow.api.Space;
import org.varflow.api.measure.MeasureEnergy;
import org.varflow.api.measure.MeasureKinds;
import org.varflow.api.measure.TsallisEntropy;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.assembly.ResolvedPart;

/**
 * How one assembled flow is drawn, decided from its space before it runs:
 *
 * <ul>
 *   <li>states whose points have two coordinates (R^2, phase space over R^1, 2-D ensembles, many particles in R^2)
 *       are points in the plane over the level sets of the potential: the base energy for ensembles (not the lifted
 *       N integral V d rho), the Hamiltonian H(q, p) on phase space, E itself otherwise;</li>
 *   <li>points with one coordinate are drawn on the line, against the Gibbs density exp(-V/T)/Z when T &gt; 0;</li>
 *   <li>grid densities against the discrete Gibbs density (1-D) or as a heat map (2-D);</li>
 *   <li>anything else as its state vector (or the mean of its particles) against the coordinate index.</li>
 * </ul>
 */
public final class ViewPlan {
    /** Coordinates of the state vector a frame keeps at most in the vector view. */
    static final int MAX_VECTOR = 4096;
    private final ViewKind kind;
    private final int pointDimension;
    private final int maxPoints;
    private final boolean ensembleState;
    private final Grid grid;
    private final List<String> axes;
    private final Energy potential;
    private final String potentialName;
    private final Flow flow;
    private final boolean measure;
    private final boolean gibbsEntropy;

    private ViewPlan(ViewKind kind, int pointDimension, int maxPoints, boolean ensembleState, Grid grid,
                     List<String> axes, Energy potential, String potentialName, AssembledFlow assembled) {
        this.kind = kind;
        this.pointDimension = pointDimension;
        this.maxPoints = maxPoints;
        this.ensembleState = ensembleState;
        this.grid = grid;
        this.axes = List.copyOf(axes);
        this.potential = potential;
        this.potentialName = potentialName;
        this.flow = assembled.flow();
        String spaceKind = flow.space().kind();
        this.measure = MeasureKinds.ENSEMBLE.equals(spaceKind) || MeasureKinds.GRID_1D.equals(spaceKind)
                || MeasureKinds.GRID_2D.equals(spaceKind);
        // the free energy is minimised by the Gibbs law exp(-V/T)/Z (at the temperature of the moment, for a
        // schedule) for every entropy of Boltzmann type, a plugin's included; a Tsallis entropy's is a Barenblatt
        // profile
        this.gibbsEntropy = TsallisEntropy.exponentOf(flow.entropy()) == 1.0;
    }

    /** The plan for {@code assembled}, keeping at most {@code maxPoints} points per frame. */
    public static ViewPlan of(AssembledFlow assembled, int maxPoints) {
        Flow flow = assembled.flow();
        Space space = flow.space();
        Space base = space.base();
        String spaceKind = space.kind();
        if (MeasureKinds.GRID_1D.equals(spaceKind) || MeasureKinds.GRID_2D.equals(spaceKind)) {
            int gridAxes = MeasureKinds.GRID_1D.equals(spaceKind) ? 1 : 2;
            Grid grid = Grid.of(assembled.part(PartKind.SPACE).parameters(), gridAxes, space.dimension());
            if (grid != null) {
                Energy v = base == null ? null : baseEnergy(assembled, base);
                return new ViewPlan(gridAxes == 1 ? ViewKind.DENSITY_1D : ViewKind.DENSITY_2D, space.dimension(),
                        maxPoints, false, grid, gridAxes == 1 ? List.of("x") : List.of("x1", "x2"), v, "V", assembled);
            }
        }
        boolean ensemble = MeasureKinds.ENSEMBLE.equals(spaceKind) && base != null && base.dimension() > 0
                && space.dimension() % base.dimension() == 0;
        int d = ensemble ? base.dimension() : space.dimension();
        Energy v;
        String name;
        if (base != null && base.dimension() == d) {
            v = baseEnergy(assembled, base);
            name = "V";
        } else {
            v = flow.energy();
            name = base != null ? "H" : "E";
        }
        List<String> axes = new ArrayList<>();
        if (d <= 2) {
            for (int i = 0; i < d; i++) {
                axes.add(ensemble ? base.coordinateName(i) : space.coordinateName(i));
            }
            return new ViewPlan(d == 2 ? ViewKind.PLANE : ViewKind.LINE, d, maxPoints, ensemble, null, axes, v, name,
                    assembled);
        }
        for (int i = 0; i < Math.min(d, MAX_VECTOR); i++) {
            axes.add(space.coordinateName(i));
        }
        return new ViewPlan(ViewKind.VECTOR, d, maxPoints, false, null, axes, null, name, assembled);
    }

    /** The energy on the base space, built afresh from the run's own factory and parameters; null for functionals. */
    private static Energy baseEnergy(AssembledFlow assembled, Space base) {
        ResolvedPart part = assembled.part(PartKind.ENERGY);
        if (!(part.factory() instanceof EnergyFactory factory)) {
            return null;
        }
        try {
            Energy e = factory.create(part.parameters(), base);
            return e instanceof MeasureEnergy ? null : e;
        } catch (RuntimeException e) { // the energy cannot be evaluated at single points: no backdrop
            return null;
        }
    }

    public ViewKind kind() {
        return kind;
    }

    /** Coordinates per drawn point (2 in the plane, 1 on the line), cells of a grid, coordinates of a vector. */
    public int pointDimension() {
        return pointDimension;
    }

    /** The flow drawn. */
    Flow flow() {
        return flow;
    }

    /** The potential the backdrop is drawn from, or null. */
    Energy potential() {
        return potential;
    }

    Grid grid() {
        return grid;
    }

    /**
     * The temperature of the Gibbs law drawn at time t, 0 for none: a measure (ensemble, grid) carries the entropy in
     * its free energy whatever the noise (JKO, finite volumes); single points feel it only through noise.
     */
    double gibbsTemperature(double t) {
        if (!gibbsEntropy || flow.entropy().isNone() || !(measure || !flow.isDeterministic())) {
            return 0;
        }
        return flow.temperature(t);
    }

    /** What a frame of the run is drawn as. */
    public ViewFrame project(Frame frame) {
        double[] s = frame.states();
        float[] values;
        switch (kind) {
            case PLANE, LINE -> {
                int points = ensembleState ? s.length / pointDimension : frame.particles();
                int kept = Math.min(points, maxPoints);
                values = toFloat(s, kept * pointDimension);
            }
            case DENSITY_1D, DENSITY_2D -> values = toFloat(s, s.length);
            default -> {
                int d = frame.dimension();
                int n = frame.particles();
                int kept = Math.min(d, MAX_VECTOR);
                values = new float[kept];
                for (int i = 0; i < kept; i++) {
                    double sum = 0;
                    for (int p = 0; p < n; p++) {
                        sum += s[p * d + i];
                    }
                    values[i] = (float) (sum / n);
                }
            }
        }
        return new ViewFrame(frame.step(), frame.time(), frame.energy(), frame.freeEnergy(), values);
    }

    private static float[] toFloat(double[] s, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) s[i];
        }
        return out;
    }

    /** What the page needs to know before the first frame: the kind, the axes, the grid. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.label());
        m.put("pointDimension", pointDimension);
        m.put("axes", axes);
        m.put("ensemble", ensembleState);
        m.put("potential", potential == null ? null : potentialName);
        if (grid != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("cells", Arrays.stream(grid.cells()).boxed().toList());
            g.put("lower", Arrays.stream(grid.lower()).boxed().toList());
            g.put("upper", Arrays.stream(grid.upper()).boxed().toList());
            m.put("grid", g);
        }
        return m;
    }
}
