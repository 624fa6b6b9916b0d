/** The Spark engine of {@code varflow sweep} (found by ServiceLoader) and the job jar's main class for spark-submit. */
package org.varflow.spark;
