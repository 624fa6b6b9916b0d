/**
 * Writing run output safely: files appear complete (written under a temporary name, then renamed into place)
 * or not at all.
 */
package org.varflow.core.output;
