/**
 * Core's four schemes: explicit Euler, Euler-Maruyama, minimizing movement (implicit Euler) and adaptive
 * Dormand-Prince, the time discretisations every flow can use.
 */
package org.varflow.core.scheme;
