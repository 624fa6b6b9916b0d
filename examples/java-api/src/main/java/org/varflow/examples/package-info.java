/**
 * The examples of docs/java-api.md, compiled and run by the build: a preset from main(), an energy as a lambda,
 * two geometries, a watched run, a metric of one's own.
 */
package org.varflow.examples;
