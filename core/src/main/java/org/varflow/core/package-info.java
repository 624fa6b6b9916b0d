/**
 * The core plugin: the parts core itself provides (Euclidean space and metric, the four basic schemes), found
 * through the same {@link java.util.ServiceLoader} as any other plugin.
 */
package org.varflow.core;
