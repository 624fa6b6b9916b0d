/** What {@code varflow explain} says about a preset or a part, as text that the command and the explorer both show. */
package org.varflow.core.explain;
