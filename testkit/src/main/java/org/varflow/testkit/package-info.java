/**
 * The check kit for part authors: one set of checks per part kind ({@link org.varflow.testkit.Checks}), what
 * {@code varflow check} runs, and the JUnit 5 contracts that run them in a plugin's own tests.
 */
package org.varflow.testkit;
