/**
 * The self-contained HTML report of a run or a comparison: decomposition, equation, summary and plots on one
 * page.
 */
package org.varflow.cli.report;
