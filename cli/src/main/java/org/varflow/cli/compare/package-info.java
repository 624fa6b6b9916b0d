/**
 * What 'varflow compare' needs besides the command: the KEY=VALUE settings grammar shared with sweeps, and the
 * comparison table.
 */
package org.varflow.cli.compare;
