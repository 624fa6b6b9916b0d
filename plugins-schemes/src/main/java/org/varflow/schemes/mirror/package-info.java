/**
 * The discrete mirror step: a gradient step in the dual coordinates grad phi of a Legendre potential, mapped
 * back (exponentiated gradient, Burg, p-norm).
 */
package org.varflow.schemes.mirror;
