/**
 * The seeds' demonstrations: each runs its flows, compares the figures with their closed forms or published
 * values, and draws them.
 */
package org.varflow.cli.demo;
