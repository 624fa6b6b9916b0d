package org.varflow.api.formula;

import java.util.Arrays;

/**
 * Some nodes of a {@link Graph} compiled into a straight-line array program: the variables in slots 0..d-1, the
 * constants after them, then one slot per instruction, in graph order (operands before their users). Only the nodes
 * the outputs need are compiled, so the program of a gradient does not compute the value.
 *
 * <p>Immutable and shared by all threads; each thread evaluates in its own work array ({@link #work()}, with the
 * constants filled in once), so {@link #run} allocates nothing.
 */
final class Program {
    private final int d;
    private final int base;
    private final int[] op;
    private final int[] left;
    private final int[] right;
    private final double[] constant;
    private final int[] outputs;
    private final double[] initial;
    private final ThreadLocal<double[]> work;

    /** Compiles the nodes {@code outputs} of {@code graph}, whose variables are 0..d-1. */
    Program(Graph graph, int d, int[] outputs) {
        this.d = d;
        boolean[] needed = new boolean[graph.size()];
        for (int o : outputs) {
            needed[o] = true;
        }
        for (int n = graph.size() - 1; n >= 0; n--) {
            if (needed[n] && graph.op(n) != Op.CONST && graph.op(n) != Op.VAR) {
                needed[graph.left(n)] = true;
                if (Op.binary(graph.op(n))) {
                    needed[graph.right(n)] = true;
                }
            }
        }
        int[] slot = new int[graph.size()];
        Arrays.fill(slot, -1);
        int constants = 0;
        int instructions = 0;
        for (int n = 0; n < graph.size(); n++) {
            if (!needed[n]) {
                continue;
            }
            if (graph.op(n) == Op.CONST) {
                constants++;
            } else if (graph.op(n) != Op.VAR) {
                instructions++;
            }
        }
        this.base = d + constants;
        this.initial = new double[base + instructions];
        this.op = new int[instructions];
        this.left = new int[instructions];
        this.right = new int[instructions];
        this.constant = new double[instructions];
        int nextConstant = d;
        int i = 0;
        for (int n = 0; n < graph.size(); n++) {
            if (!needed[n]) {
                continue;
            }
            int o = graph.op(n);
            if (o == Op.VAR) {
                slot[n] = graph.left(n);
            } else if (o == Op.CONST) {
                slot[n] = nextConstant;
                initial[nextConstant++] = graph.constantOf(n);
            } else {
                slot[n] = base + i;
                op[i] = o;
                left[i] = slot[graph.left(n)];
                right[i] = Op.binary(o) ? slot[graph.right(n)] : 0;
                constant[i] = graph.constantOf(n);
                i++;
            }
        }
        this.outputs = new int[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            this.outputs[k] = slot[outputs[k]];
        }
        this.work = ThreadLocal.withInitial(initial::clone);
    }

    /** Number of instructions. */
    int length() {
        return op.length;
    }

    /** Number of outputs. */
    int outputs() {
        return outputs.length;
    }

    /** This thread's work array. */
    double[] work() {
        return work.get();
    }

    /** Output k after {@link #run}. */
    double output(double[] w, int k) {
        return w[outputs[k]];
    }

    /** Copies every output into {@code out}. */
    void outputs(double[] w, double[] out) {
        for (int k = 0; k < outputs.length; k++) {
            out[k] = w[outputs[k]];
        }
    }

    /** Copies output k into {@code out[k + offset]} for each k. */
    void outputs(double[] w, double[] out, int offset) {
        for (int k = 0; k < outputs.length; k++) {
            out[k + offset] = w[outputs[k]];
        }
    }

    /** The slot an output lives in (for diagnostics). */
    int outputSlot(int k) {
        return outputs[k];
    }

    /** The first instruction, in order, whose value in {@code w} is not finite while its operands are; or -1. */
    int firstNonFinite(double[] w) {
        for (int i = 0; i < op.length; i++) {
            if (!Double.isFinite(w[base + i])) {
                return i;
            }
        }
        return -1;
    }

    /** Evaluates every instruction at x (length d) in the work array w. */
    void run(double[] x, double[] w) {
        System.arraycopy(x, 0, w, 0, d);
        final int[] op = this.op;
        final int[] left = this.left;
        final int[] right = this.right;
        final double[] constant = this.constant;
        int slot = base;
        for (int i = 0; i < op.length; i++, slot++) {
            double u = w[left[i]];
            double r;
            switch (op[i]) {
                case Op.ADD -> r = u + w[right[i]];
                case Op.SUB -> r = u - w[right[i]];
                case Op.MUL -> r = u * w[right[i]];
                case Op.DIV -> r = u / w[right[i]];
                case Op.ADDC -> r = u + constant[i];
                case Op.MULC -> r = constant[i] * u;
                case Op.SQ -> r = u * u;
                case Op.POWI -> r = Op.powi(u, (int) constant[i]);
                case Op.POWC -> r = Math.pow(u, constant[i]);
                case Op.POW -> r = Math.pow(u, w[right[i]]);
                case Op.EXP -> r = Math.exp(u);
                case Op.LOG -> r = Math.log(u);
                case Op.LOG1P -> r = Math.log1p(u);
                case Op.EXPM1 -> r = Math.expm1(u);
                case Op.SQRT -> r = Math.sqrt(u);
                case Op.SIN -> r = Math.sin(u);
                case Op.COS -> r = Math.cos(u);
                case Op.TAN -> r = Math.tan(u);
                case Op.TANH -> r = Math.tanh(u);
                case Op.SINH -> r = Math.sinh(u);
                case Op.COSH -> r = Math.cosh(u);
                case Op.ATAN -> r = Math.atan(u);
                case Op.ASIN -> r = Math.asin(u);
                case Op.ACOS -> r = Math.acos(u);
                case Op.ABS -> r = Math.abs(u);
                case Op.SIGN -> r = Math.signum(u);
                case Op.STEP -> r = u > 0 ? 1.0 : 0.0;
                case Op.MIN -> r = Math.min(u, w[right[i]]);
                case Op.MAX -> r = Math.max(u, w[right[i]]);
                case Op.SOFTPLUS -> r = Op.softplus(u);
                case Op.SIGMOID -> r = Op.sigmoid(u);
                default -> throw new IllegalStateException("operation " + op[i]);
            }
            w[slot] = r;
        }
    }

    /** For tests: a one-instruction evaluation of {@code o} through {@link #run}'s loop. */
    static double evaluate(int o, double x, double y, double c) {
        Graph g = new Graph();
        int vx = g.variable(0);
        int vy = g.variable(1);
        int n = Op.binary(o) ? rawNode(g, o, vx, vy) : rawNode(g, o, vx, -1, c);
        Program p = new Program(g, 2, new int[] {n});
        double[] w = p.work();
        p.run(new double[] {x, y}, w);
        return p.output(w, 0);
    }

    private static int rawNode(Graph g, int o, int x, int y) {
        return g.raw(o, x, y, 0);
    }

    private static int rawNode(Graph g, int o, int x, int y, double c) {
        return g.raw(o, x, y, c);
    }
}
