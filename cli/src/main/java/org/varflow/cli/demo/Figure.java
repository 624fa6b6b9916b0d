package org.varflow.cli.demo;

/**
 * One number a demo reports: what was measured, its value, what theory says and whether they agree.
 *
 * @param quantity what was measured, e.g. {@code "variance at t = 1"}
 * @param value    the measured value, formatted
 * @param expected the prediction or the criterion, in words (e.g. {@code "3 (= 1 + 2t), |error| <= 1e-3"})
 * @param ok       whether the value meets it
 */
public record Figure(String quantity, String value, String expected, boolean ok) {
}
