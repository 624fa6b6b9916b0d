/** What the page offers: presets, parts with their parameters, which parts fit together, the decomposition. */
package org.varflow.serve.catalog;
