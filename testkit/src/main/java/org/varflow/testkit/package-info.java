/**
 * The check kit for part authors: the metric checks behind {@code varflow check} and the JUnit 5 base class
 * that runs them, with allocation counting.
 */
package org.varflow.testkit;
