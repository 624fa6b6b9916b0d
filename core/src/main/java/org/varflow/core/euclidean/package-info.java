/**
 * The Euclidean space R^d and its flat metric K = I: the parts every flow can start from.
 * Both are provided by core's own plugin.
 */
package org.varflow.core.euclidean;
