/**
 * Every method preset varflow ships, grouped by topic: named compositions of the five parts and a scheme, by
 * registered ids, with their equations and references; provided by one plugin.
 */
package org.varflow.models.presets;
