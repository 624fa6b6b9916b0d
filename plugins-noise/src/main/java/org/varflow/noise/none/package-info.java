/**
 * No noise: deterministic flows.
 * The noise part of every optimisation method.
 */
package org.varflow.noise.none;
