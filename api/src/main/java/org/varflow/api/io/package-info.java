/**
 * Reading input the same way everywhere: the strict CSV table every data, sample and weight file goes through, and
 * the plain decimals every number read from text must be ({@link org.varflow.api.io.Decimal}), and the quoting of
 * input text in messages.
 */
package org.varflow.api.io;
