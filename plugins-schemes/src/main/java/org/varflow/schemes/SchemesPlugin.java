package org.varflow.schemes;

import java.util.Collection;
import java.util.List;
import org.varflow.api.Plugin;
import org.varflow.api.SchemeFactory;
import org.varflow.schemes.adaptive.AdamFactory;
import org.varflow.schemes.adaptive.RmsPropFactory;
import org.varflow.schemes.mala.MalaFactory;
import org.varflow.schemes.minibatch.MinibatchFactory;
import org.varflow.schemes.mirror.MirrorStepFactory;
import org.varflow.schemes.splitting.BaoabFactory;
import org.varflow.schemes.splitting.LeapfrogFactory;

/**
 * Time discretisations beyond core's four (euler, euler-maruyama, minimizing-movement, dormand-prince): the mirror
 * step ({@code mirror-step}), adaptive diagonal steps ({@code adam}, {@code rmsprop}), splitting schemes for phase
 * space ({@code leapfrog}, {@code baoab}) and samplers that need more than one noise increment or gradient per step
 * ({@code mala}, {@code minibatch}). What a scheme needs of the other parts is an api capability declared as a
 * {@link org.varflow.api.Requirement} (a Hamiltonian structure, a constant metric, a finite-sum energy), never a
 * class of another plugin.
 */
public final class SchemesPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-schemes";
    }

    @Override
    public Collection<SchemeFactory> schemes() {
        return List.of(new MirrorStepFactory(), new AdamFactory(), new RmsPropFactory(), new LeapfrogFactory(),
                new BaoabFactory(), new MalaFactory(), new MinibatchFactory());
    }
}
