/**
 * The part registry: Guice map binders, one per part kind, filled from discovery, and the registry that looks
 * parts, presets and observers up by id and suggests the nearest ids for unknown ones.
 */
package org.varflow.core.registry;
