package org.varflow.api.formula;

import java.util.Arrays;

/**
 * Some nodes of a {@link Graph} compiled into a straight-line program: the variables in slots 0..d-1, the constants
 * after them, then one slot per instruction, in graph order (operands before their users). Only the nodes the outputs
 * need are compiled, so the program of a gradient does not compute the value. Each output is either returned by
 * {@link #run} or written to given places of its {@code out} array (a Hessian entry to both (i, j) and (j, i)).
 *
 * <p>The program runs as a generated class ({@link Bytecode}, which the JIT compiles like hand-written code) when it
 * fits in one method, else in {@link #interpret}'s loop over op codes, in a work array owned by the calling thread.
 * Both compute the same operations in the same order, so they agree bit for bit. Immutable, shared by all threads,
 * allocation-free per call either way.
 */
final class Program implements Kernel {
    private final int d;
    private final int base;
    private final int[] op;
    private final int[] left;
    private final int[] right;
    private final double[] constant;
    private final int[] outputs;
    private final int[][] targets;
    private final ThreadLocal<double[]> work;
    private final Kernel kernel;

    /**
     * Compiles the nodes {@code nodes} of {@code graph}, whose variables are 0..d-1.
     *
     * @param targets for each node, the places in {@code out} it is written to; null for the one {@link #run}
     *                returns (at most one)
     * @param generate whether to generate a class (false: always interpret)
     */
    Program(Graph graph, int d, int[] nodes, int[][] targets, boolean generate) {
        this.d = d;
        boolean[] needed = new boolean[graph.size()];
        for (int o : nodes) {
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
        int constants = 0;
        int instructions = 0;
        for (int n = 0; n < graph.size(); n++) {
            if (needed[n] && graph.op(n) == Op.CONST) {
                constants++;
            } else if (needed[n] && graph.op(n) != Op.VAR) {
                instructions++;
            }
        }
        this.base = d + constants;
        double[] initial = new double[base + instructions];
        this.op = new int[instructions];
        this.left = new int[instructions];
        this.right = new int[instructions];
        this.constant = new double[instructions];
        int[] slot = new int[graph.size()];
        Arrays.fill(slot, -1);
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
        this.outputs = new int[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            this.outputs[k] = slot[nodes[k]];
        }
        this.targets = targets.clone();
        this.work = ThreadLocal.withInitial(initial::clone);
        this.kernel = generate ? Bytecode.generate(d, Arrays.copyOfRange(initial, d, base), op, left, right, constant,
                outputs, this.targets) : null;
    }

    /** Number of instructions. */
    int length() {
        return op.length;
    }

    /** Whether the program runs as a generated class. */
    boolean generated() {
        return kernel != null;
    }

    @Override
    public double run(double[] x, double[] out) {
        return kernel != null ? kernel.run(x, out) : interpret(x, out);
    }

    /**
     * What to call: the generated class, or this program (which interprets). A caller that keeps it in a field of its
     * own has a call site that sees one class, which the JIT can inline.
     */
    Kernel kernel() {
        return kernel != null ? kernel : this;
    }

    /** Evaluates with the loop over op codes, in this thread's work array. */
    double interpret(double[] x, double[] out) {
        double[] w = work.get();
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
                case Op.STEP -> r = Op.step(u);
                case Op.MIN -> r = Math.min(u, w[right[i]]);
                case Op.MAX -> r = Math.max(u, w[right[i]]);
                case Op.SOFTPLUS -> r = Op.softplus(u);
                case Op.SIGMOID -> r = Op.sigmoid(u);
                default -> throw new IllegalStateException("operation " + op[i]);
            }
            w[slot] = r;
        }
        double returned = 0;
        for (int k = 0; k < outputs.length; k++) {
            double v = w[outputs[k]];
            if (targets[k] == null) {
                returned = v;
            } else {
                for (int t : targets[k]) {
                    out[t] = v;
                }
            }
        }
        return returned;
    }

    /** For tests: {@code o} at (x, y) with constant c, through the generated class (or the loop). */
    static double evaluate(int o, double x, double y, double c, boolean generate) {
        Graph g = new Graph();
        int vx = g.variable(0);
        int vy = g.variable(1);
        int n = g.raw(o, vx, Op.binary(o) ? vy : -1, c);
        Program p = new Program(g, 2, new int[] {n}, new int[][] {null}, generate);
        return p.run(new double[] {x, y}, null);
    }
}
