/** Runs on a bounded worker pool, with the server's limits, their thinned frames and their summaries. */
package org.varflow.serve.runs;
