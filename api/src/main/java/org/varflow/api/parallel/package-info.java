/**
 * Threads for one state's work: {@link org.varflow.api.parallel.WorkerPool}, the {@link org.varflow.api.Workers}
 * a runner (or a caller of a library routine such as Sinkhorn) creates for a run and closes after it.
 */
package org.varflow.api.parallel;
