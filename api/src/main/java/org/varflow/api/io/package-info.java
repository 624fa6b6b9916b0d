/**
 * Reading input the same way everywhere: the strict CSV table every data, sample and weight file goes through, and
 * the quoting of input text in messages.
 */
package org.varflow.api.io;
