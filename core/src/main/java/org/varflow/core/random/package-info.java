/**
 * Random streams of a run: one seeded xoshiro256++ stream per block of particles, so results do not depend on
 * the number of threads.
 */
package org.varflow.core.random;
