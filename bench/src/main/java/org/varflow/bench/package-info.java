/**
 * Benchmarks of varflow's workloads: JMH benchmarks of whole flows and single steps, and the timing harness that
 * {@code bench/compare.sh} sets beside NumPy and POT.
 */
package org.varflow.bench;
