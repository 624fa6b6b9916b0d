package org.varflow.geometry.symplectic;

import org.varflow.api.Plugin;

/** Phase space (q, p), the Poisson operator J and the schemes that respect it. */
public final class SymplecticPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-symplectic";
    }
}
