/**
 * Checkpoints: the complete state of a run (states, streams, observers) written atomically, so a killed run
 * resumes bitwise-identically.
 */
package org.varflow.core.checkpoint;
