/**
 * The part registry, built once from what discovery accepted and bound by
 * {@link org.varflow.core.registry.PartsModule}: it looks parts, presets and observers up by id and suggests the
 * nearest ids for unknown ones.
 */
package org.varflow.core.registry;
