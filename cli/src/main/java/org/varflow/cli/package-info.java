/**
 * The varflow command: one picocli class per subcommand, the shared options, and the mapping of failures to one
 * message and an exit code; a thin shell over the Java API.
 */
package org.varflow.cli;
