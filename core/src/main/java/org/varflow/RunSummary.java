package org.varflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.core.output.JsonText;

/**
 * What a finished run reports: the composition that ran (every parameter explicit), how far it got, the energy and
 * free energy, the moments of the final state, the diagnostics, the scheme's and the observers' reports, and where
 * the parts came from. Real-valued figures are {@code double}, NaN where they are undefined (a free energy of one
 * particle) or were not finite; counts that only some flows have are {@link OptionalLong}.
 *
 * <p>{@link #toJson()} is exactly what {@code varflow run} prints: the command is a shell over this API.
 *
 * <pre>{@code
 * RunSummary s = varflow.preset("langevin").particles(20_000).run();
 * double variance = s.state().covariance(0, 0);   // ~ 1/beta
 * }</pre>
 *
 * @param spec              the composition that ran, with every resolved parameter explicit: {@code varflow run
 *                          --spec} on this spec repeats the run
 * @param steps             steps taken (fewer than planned when the run was stopped)
 * @param time              the time reached
 * @param energy            the (ensemble mean) energy at the end
 * @param energyInitial     the (ensemble mean) energy at the start
 * @param freeEnergy        the free energy F = mean E - T H at the end (NaN when undefined)
 * @param freeEnergyInitial the free energy at the start (NaN when undefined)
 * @param freeEnergyMethod  how F was computed, e.g. {@code "gaussian-entropy-estimate"}
 * @param state             the final state: the point, or the ensemble's mean and covariance
 * @param diagnostics       what the run's own checks found
 * @param scheme            the scheme's report (acceptance rates, inner iterations...), empty for most schemes
 * @param provenance        the versions of varflow and of the plugins that provided the parts
 * @param wallSeconds       elapsed wall-clock time
 * @param observers         the contributed and user observers' reports, by observer id
 * @param particles         the number of particles the law is made of: for a state that is itself an ensemble of N
 *                          particles (svgd, jko, particle Fokker-Planck, a mean-field network's neurons) N times the
 *                          spec's independent copies (the spec says 1 there: the ensemble is one state); else the
 *                          spec's particles
 * @param warnings          what the run's own diagnostics say went wrong although it finished (an energy that rose
 *                          under a descent method, a sampler that rejected nearly everything or never moved); empty
 *                          when nothing did
 */
public record RunSummary(FlowSpec spec, long steps, double time, double energy, double energyInitial,
                         double freeEnergy, double freeEnergyInitial, String freeEnergyMethod, State state,
                         Diagnostics diagnostics, Report scheme, Provenance provenance, double wallSeconds,
                         Map<String, Report> observers, int particles, List<String> warnings) {

    public RunSummary {
        Objects.requireNonNull(spec, "spec");
        if (particles < 1) {
            throw new IllegalArgumentException("particles = " + particles + "; expected >= 1");
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(diagnostics, "diagnostics");
        scheme = scheme == null ? Report.EMPTY : scheme;
        Objects.requireNonNull(provenance, "provenance");
        observers = Collections.unmodifiableMap(new LinkedHashMap<>(observers == null ? Map.of() : observers));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A summary without warnings. */
    public RunSummary(FlowSpec spec, long steps, double time, double energy, double energyInitial,
                      double freeEnergy, double freeEnergyInitial, String freeEnergyMethod, State state,
                      Diagnostics diagnostics, Report scheme, Provenance provenance, double wallSeconds,
                      Map<String, Report> observers, int particles) {
        this(spec, steps, time, energy, energyInitial, freeEnergy, freeEnergyInitial, freeEnergyMethod, state,
                diagnostics, scheme, provenance, wallSeconds, observers, particles, List.of());
    }

    /** Whether the run's diagnostics raised a warning. */
    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }

    /** A summary without warnings whose law has the spec's particles (no ensemble state). */
    public RunSummary(FlowSpec spec, long steps, double time, double energy, double energyInitial, double freeEnergy,
                      double freeEnergyInitial, String freeEnergyMethod, State state, Diagnostics diagnostics,
                      Report scheme, Provenance provenance, double wallSeconds, Map<String, Report> observers) {
        this(spec, steps, time, energy, energyInitial, freeEnergy, freeEnergyInitial, freeEnergyMethod, state,
                diagnostics, scheme, provenance, wallSeconds, observers, spec.particles());
    }

    /** The preset the composition started from, or null. */
    public String preset() {
        return spec.preset();
    }

    /** The part that filled a slot, with its resolved parameters. */
    public PartChoice part(PartKind kind) {
        return spec.part(kind);
    }

    /** The step length the spec asked for. */
    public double dt() {
        return spec.dt();
    }

    /** The seed of all random streams. */
    public long seed() {
        return spec.seed();
    }

    /** One observer's report, or an empty one when no observer of that id ran. */
    public Report observer(String id) {
        return observers.getOrDefault(id, Report.EMPTY);
    }

    /**
     * The final state.
     *
     * @param mean              the point (one particle) or the ensemble mean (a copy on the way in and out)
     * @param covariance        the ensemble covariance, row-major d x d, or null for one particle or when omitted
     * @param singleParticle    whether the run had one particle (then the summary shows {@code x})
     * @param covarianceOmitted why the covariance was left out (the dimension is too large), or null
     */
    public record State(double[] mean, double[] covariance, boolean singleParticle, String covarianceOmitted) {
        public State {
            mean = mean == null ? null : mean.clone();
            covariance = covariance == null ? null : covariance.clone();
        }

        @Override
        public double[] mean() {
            return mean == null ? null : mean.clone();
        }

        @Override
        public double[] covariance() {
            return covariance == null ? null : covariance.clone();
        }

        /** The dimension d of one particle. */
        public int dimension() {
            return mean == null ? 0 : mean.length;
        }

        /** One entry of the covariance (NaN when there is none). */
        public double covariance(int i, int j) {
            return covariance == null ? Double.NaN : covariance[i * dimension() + j];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Arrays.equals(mean, s.mean) && Arrays.equals(covariance, s.covariance)
                    && singleParticle == s.singleParticle && Objects.equals(covarianceOmitted, s.covarianceOmitted);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(mean), Arrays.hashCode(covariance), singleParticle,
                    covarianceOmitted);
        }

        @Override
        public String toString() {
            return "State[mean=" + Arrays.toString(mean) + ", covariance=" + Arrays.toString(covariance) + "]";
        }
    }

    /**
     * What the run's own checks found.
     *
     * @param finite                      whether every final coordinate is finite
     * @param constraintViolations        on a space that constrains its states ({@link
     *                                    org.varflow.api.ConstrainedSpace}): how often a state left it and the run
     *                                    went back with a halved dt (0 when none did; a run that stops on it ends
     *                                    with an error instead); empty on spaces that contain every finite state
     * @param maxDissipationViolation     deterministic flows: the largest relative gap between the observed energy
     *                                    change and the dissipation -h &lt;dE, K dE&gt; (NaN for stochastic flows)
     * @param dissipationIntervalsChecked deterministic flows: how many intervals the check compared
     * @param energyIncreases             deterministic flows that dissipate: how often the energy rose between
     *                                    observations (empty for stochastic and for conservative flows)
     * @param stoppedEarly                whether the run was stopped on request before its end
     * @param energyDrift                 conservative flows (a Poisson part J, no dissipation K, e.g. Hamiltonian
     *                                    flow): the largest observed |E - E0|, which an exact flow keeps at 0; NaN
     *                                    for every other flow
     */
    public record Diagnostics(boolean finite, OptionalLong constraintViolations, double maxDissipationViolation,
                              OptionalLong dissipationIntervalsChecked, OptionalLong energyIncreases,
                              boolean stoppedEarly, double energyDrift) {
        public Diagnostics {
            Objects.requireNonNull(constraintViolations, "constraintViolations");
            Objects.requireNonNull(dissipationIntervalsChecked, "dissipationIntervalsChecked");
            Objects.requireNonNull(energyIncreases, "energyIncreases");
        }

        /** Diagnostics of a run on a space that constrains nothing, of a flow that is not conservative. */
        public Diagnostics(boolean finite, double maxDissipationViolation, OptionalLong dissipationIntervalsChecked,
                           OptionalLong energyIncreases, boolean stoppedEarly) {
            this(finite, OptionalLong.empty(), maxDissipationViolation, dissipationIntervalsChecked, energyIncreases,
                    stoppedEarly, Double.NaN);
        }
    }

    /**
     * Where the parts came from.
     *
     * @param varflow the version of varflow
     * @param plugins plugin id to version, for the plugins that provided the six parts
     */
    public record Provenance(String varflow, Map<String, String> plugins) {
        public Provenance {
            plugins = Collections.unmodifiableMap(new LinkedHashMap<>(plugins));
        }
    }

    /** The summary as the JSON {@code varflow run} prints (two-space indentation, ending with a newline). */
    public String toJson() {
        return JsonText.pretty(toMap()) + System.lineSeparator();
    }

    /** The summary as an ordered tree of maps, lists, numbers, words and nulls: what {@link #toJson()} writes. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> parts = partsOf(spec);
        m.put("preset", spec.preset());
        m.put("parts", parts);
        m.put("steps", steps);
        m.put("dt", spec.dt());
        m.put("seed", spec.seed());
        m.put("particles", particles);
        m.put("time", time);
        m.put("energy", number(energy));
        m.put("energyInitial", number(energyInitial));
        m.put("freeEnergy", number(freeEnergy));
        m.put("freeEnergyInitial", number(freeEnergyInitial));
        m.put("freeEnergyMethod", freeEnergyMethod);
        m.put("state", stateMap());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("finite", diagnostics.finite());
        d.put("constraintViolations", boxed(diagnostics.constraintViolations()));
        d.put("maxDissipationViolation", number(diagnostics.maxDissipationViolation()));
        d.put("dissipationIntervalsChecked", boxed(diagnostics.dissipationIntervalsChecked()));
        d.put("energyIncreases", boxed(diagnostics.energyIncreases()));
        d.put("stoppedEarly", diagnostics.stoppedEarly());
        if (Double.isFinite(diagnostics.energyDrift())) {
            d.put("energyDrift", diagnostics.energyDrift());
        }
        m.put("diagnostics", d);
        if (!warnings.isEmpty()) {
            m.put("warnings", warnings);
        }
        if (!scheme.entries().isEmpty()) {
            m.put("scheme", scheme.entries());
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("varflow", provenance.varflow());
        p.put("plugins", provenance.plugins());
        m.put("provenance", p);
        m.put("spec", specMap(spec));
        m.put("wallSeconds", number(wallSeconds));
        if (!observers.isEmpty()) {
            Map<String, Object> o = new LinkedHashMap<>();
            observers.forEach((id, r) -> o.put(id, r.entries()));
            m.put("observers", o);
        }
        return m;
    }

    private Map<String, Object> stateMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (state.mean == null) {
            return m;
        }
        if (state.singleParticle()) {
            m.put("x", vector(state.mean));
            return m;
        }
        m.put("mean", vector(state.mean));
        int d = state.mean.length;
        m.put("covariance", state.covariance == null ? null : matrix(state.covariance, d));
        if (state.covarianceOmitted() != null) {
            m.put("covarianceOmitted", state.covarianceOmitted());
        }
        return m;
    }

    /**
     * A spec in spec-file form with every parameter explicit, as the summary's {@code spec} block, checkpoints and
     * {@code varflow spec --example} write it.
     */
    public static Map<String, Object> specMap(FlowSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (spec.preset() != null) {
            m.put("preset", spec.preset());
        }
        m.put("parts", partsOf(spec));
        if (spec.steps() != null) {
            m.put("steps", spec.steps());
        } else {
            m.put("time", spec.time());
        }
        m.put("dt", spec.dt());
        m.put("seed", spec.seed());
        m.put("particles", spec.particles());
        if (spec.every() != null) {
            m.put("every", spec.every());
        }
        return m;
    }

    private static Map<String, Object> partsOf(FlowSpec spec) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (PartKind kind : PartKind.values()) {
            PartChoice c = spec.part(kind);
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("id", c.id());
            part.put("params", c.params());
            parts.put(kind.label(), part);
        }
        return parts;
    }

    /** The number, or null when it is NaN or infinite (JSON has neither). */
    static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Long boxed(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }

    private static List<Double> vector(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(number(x));
        }
        return out;
    }

    private static List<List<Double>> matrix(double[] m, int d) {
        List<List<Double>> rows = new ArrayList<>(d);
        for (int i = 0; i < d; i++) {
            rows.add(vector(Arrays.copyOfRange(m, i * d, (i + 1) * d)));
        }
        return rows;
    }
}
