/**
 * Plugin discovery: finds {@code Plugin} providers with {@link java.util.ServiceLoader} (classpath and plugin path)
 * and reports broken providers and duplicate ids by name instead of failing.
 */
package org.varflow.core.discovery;
