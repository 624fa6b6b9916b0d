/**
 * Time discretisations beyond core's four, as one plugin; each family of schemes lives in its own subpackage
 * and needs of the other parts only api capabilities.
 */
package org.varflow.schemes;
