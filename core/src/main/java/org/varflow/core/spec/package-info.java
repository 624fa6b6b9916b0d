/**
 * Spec files (JSON and YAML): the schema of a composition, read strictly, every error placed at its line and
 * column.
 */
package org.varflow.core.spec;
