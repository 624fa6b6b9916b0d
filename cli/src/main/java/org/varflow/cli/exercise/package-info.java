/** Exercises with checked answers for a course, built on the demos' verdicts: {@code varflow exercise NAME}. */
package org.varflow.cli.exercise;
