/** {@code varflow sweep}: grids of runs and sharded ensembles, their merged tables and plots, and the engine SPI. */
package org.varflow.cli.sweep;
