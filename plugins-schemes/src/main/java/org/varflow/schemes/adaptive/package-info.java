/**
 * Adaptive diagonal steps, Adam and RMSProp: gradient methods whose step per coordinate follows running moments
 * of the gradient.
 */
package org.varflow.schemes.adaptive;
