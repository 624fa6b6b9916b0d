/**
 * The Java API: Varflow (the registry and the entry point), FlowBuilder (compose a flow from parts or instances),
 * RunSummary and Report (typed results), FlowRun, Frame and RunListener (watching a run).
 */
package org.varflow;
