package org.varflow.serve.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.api.ConstantMetric;
import org.varflow.api.FlatMetric;
import org.varflow.api.Flow;
import org.varflow.api.NoNoise;
import org.varflow.api.PartKind;
import org.varflow.api.PoissonMetric;
import org.varflow.api.StochasticSchemeFactory;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.assembly.ResolvedPart;

/**
 * What each symbol of the unifying equation is for one assembled flow
 *
 * <pre>
 *   dx = [ -K(x) grad E(x) + J(x) grad E(x) + beta^-1 div K(x) ] dt + sqrt(2 beta^-1 K(x)) dW
 * </pre>
 *
 * K and J from the metric, E from the energy (lifted to the space when it is built over a base), beta from the
 * entropy, dW from the noise, and which terms vanish: J dE without a Poisson part, the Ito term for a constant K or a
 * deterministic flow, the noise term for a deterministic flow. Read from the parts' types, as the runner reads them.
 */
public final class Decomposition {
    private Decomposition() {
    }

    /** The decomposition of {@code assembled}, as JSON for the page. */
    public static Map<String, Object> of(AssembledFlow assembled) {
        Flow flow = assembled.flow();
        double end = assembled.spec().stepCount() * assembled.spec().dt();
        boolean deterministic = flow.isDeterministic();
        boolean poisson = flow.metric() instanceof PoissonMetric;
        boolean constant = flow.metric() instanceof ConstantMetric;

        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> space = part(assembled, PartKind.SPACE);
        space.put("spaceKind", flow.space().kind());
        space.put("dimension", flow.dimension());
        space.put("base", flow.space().base() == null ? null : flow.space().base().dimension());
        m.put("space", space);

        Map<String, Object> k = part(assembled, PartKind.METRIC);
        k.put("symbol", "K");
        k.put("identity", flow.metric() instanceof FlatMetric);
        k.put("constant", constant);
        m.put("K", k);

        Map<String, Object> j = part(assembled, PartKind.METRIC);
        j.put("symbol", "J");
        j.put("present", poisson);
        m.put("J", j);

        Map<String, Object> e = part(assembled, PartKind.ENERGY);
        e.put("symbol", "E");
        e.put("lifted", flow.space().base() != null);
        m.put("E", e);

        Map<String, Object> beta = part(assembled, PartKind.ENTROPY);
        beta.put("symbol", "beta");
        beta.put("none", flow.entropy().isNone());
        double t0 = flow.temperature(0);
        double t1 = flow.temperature(end);
        beta.put("temperatureStart", t0);
        beta.put("temperatureEnd", t1);
        beta.put("beta", t0 > 0 ? 1 / t0 : null); // null: beta = infinity
        beta.put("schedule", Double.compare(t0, t1) != 0);
        m.put("beta", beta);

        Map<String, Object> noise = part(assembled, PartKind.NOISE);
        noise.put("symbol", "dW");
        noise.put("present", !(flow.noise() instanceof NoNoise));
        m.put("noise", noise);

        Map<String, Object> scheme = part(assembled, PartKind.SCHEME);
        scheme.put("stochastic", assembled.part(PartKind.SCHEME).factory() instanceof StochasticSchemeFactory);
        m.put("scheme", scheme);

        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("gradient", true);
        terms.put("poisson", poisson);
        terms.put("ito", !deterministic && !constant);
        terms.put("noise", !deterministic);
        m.put("terms", terms);
        m.put("deterministic", deterministic);
        return m;
    }

    private static Map<String, Object> part(AssembledFlow assembled, PartKind kind) {
        ResolvedPart p = assembled.part(kind);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.label());
        m.put("id", p.id());
        m.put("summary", p.factory().summary());
        m.put("formula", p.factory().formula());
        m.put("params", p.parameters().asMap());
        return m;
    }
}
