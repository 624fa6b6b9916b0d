package org.varflow.api.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A formula E(x) typed by a user, compiled once into fast programs with exact derivatives.
 *
 * <p>The language: numbers, the variables (see {@link Variables}: {@code x1..xd} or {@code x[i]}, named ones such as
 * {@code t}), the constants {@code pi}, {@code e} and {@code d}, named parameters, {@code + - * /}, powers
 * {@code ^} (or {@code **}), and the functions exp, log (ln), log1p, expm1, sqrt, sin, cos, tan, tanh, sinh, cosh,
 * atan, asin, acos, abs, sign, step (Heaviside, 0 at 0), softplus log(1 + e^u), sigmoid 1/(1 + e^-u), min, max,
 * pow(u, v) and {@code sum(i, from, to, term)} / {@code prod(i, from, to, term)} over a whole-number index (expanded
 * when compiled; the index may appear in the term and in {@code x[...]}). Example: the double well
 * {@code sum(i, 1, d, (x[i]^2 - 1)^2/4)}.
 *
 * <p>How it is made fast and exact: the formula becomes a graph of shared nodes, simplified as it is built; its
 * gradient is differentiated symbolically in the same graph (so the derivative of (x1^2 - 1)^2/4 is the node
 * x1*(x1^2 - 1), not a chain rule evaluated at run time) and the Hessian, when asked for, likewise. Each of value,
 * gradient, value-and-gradient and Hessian is then compiled into a straight-line {@link Program} over a primitive
 * array holding only the nodes it needs; evaluation is one loop over int op codes, in a work array owned by the
 * calling thread: no allocation per call, safe from any number of threads. min, max, abs, sign and step have the
 * one-sided derivatives of their active branch (abs'(0) = 0).
 *
 * <p>Why not a library: the api module is JDK-only by design, and the parsers that fit (exp4j, ANTLR) would only
 * give a tree, leaving differentiation and compilation to do; Commons Math's {@code DerivativeStructure} allocates
 * an object per operation and evaluates the chain rule at every call.
 */
public final class Formula {
    /** Characters of a derivative or simplified formula shown at most. */
    public static final int TEXT_LIMIT = 2000;

    private final String text;
    private final Variables variables;
    private final Set<String> used;
    private final Graph graph;
    private final int root;
    private final int[] gradientNodes;
    private final Program value;
    private final Program gradient;
    private final Program valueAndGradient;
    private final Kernel valueKernel;
    private final Kernel gradientKernel;
    private final Kernel bothKernel;
    private final boolean generate;
    private volatile Program hessian;

    private Formula(String text, Variables variables, Set<String> used, Graph graph, int root, boolean generate) {
        this.generate = generate;
        this.text = text;
        this.variables = variables;
        this.used = Set.copyOf(used);
        this.graph = graph;
        this.root = root;
        int n = variables.count();
        this.gradientNodes = new int[n];
        for (int k = 0; k < n; k++) {
            gradientNodes[k] = graph.derive(root, k);
        }
        int[][] places = new int[n][];
        int[][] bothPlaces = new int[n + 1][];
        int[] both = new int[n + 1];
        both[0] = root;
        for (int k = 0; k < n; k++) {
            places[k] = new int[] {k};
            bothPlaces[k + 1] = places[k];
            both[k + 1] = gradientNodes[k];
        }
        this.value = new Program(graph, n, new int[] {root}, new int[][] {null}, generate);
        this.gradient = new Program(graph, n, gradientNodes, places, generate);
        this.valueAndGradient = new Program(graph, n, both, bothPlaces, generate);
        this.valueKernel = value.kernel();
        this.gradientKernel = gradient.kernel();
        this.bothKernel = valueAndGradient.kernel();
    }

    /**
     * Compiles a formula.
     *
     * @param text      the formula
     * @param variables the variables it may use
     * @param constants named parameters and their values (fixed for the formula's life)
     * @throws FormulaException naming what is wrong and where, with a caret under the place
     */
    public static Formula compile(String text, Variables variables, Map<String, Double> constants) {
        return build(text, Parser.parse(text), variables, constants, true);
    }

    /** As {@link #compile} but always interpreted (no generated classes): for comparing the two in tests. */
    static Formula interpreted(String text, Variables variables, Map<String, Double> constants) {
        return build(text, Parser.parse(text), variables, constants, false);
    }

    /** Compiles several formulas separated by ';' (e.g. the components of a curve), each on the same variables. */
    public static List<Formula> compileList(String text, Variables variables, Map<String, Double> constants) {
        List<Formula> out = new ArrayList<>();
        for (Expr e : Parser.parseList(text)) {
            out.add(build(text, e, variables, constants, true));
        }
        return out;
    }

    private static Formula build(String text, Expr e, Variables variables, Map<String, Double> constants,
                                 boolean generate) {
        Graph graph = new Graph();
        Compiler compiler = new Compiler(graph, text, variables, constants);
        int root;
        try {
            root = compiler.compile(e);
            return new Formula(text, variables, compiler.used(), graph, root, generate);
        } catch (IllegalStateException tooLarge) {
            throw new FormulaException(tooLarge.getMessage(), text, 0);
        }
    }

    /**
     * The largest i among the names {@code <prefix>i} a formula mentions (0 for none), for showing a formula before
     * its dimension is known; {@code x[...]} elements do not count.
     *
     * @throws FormulaException when the text cannot be parsed
     */
    public static int highestVariable(String text, String prefix) {
        int[] best = {0};
        Variables probe = Variables.vector(prefix, 0);
        visit(Parser.parse(text), e -> {
            if (e instanceof Expr.Name n) {
                best[0] = Math.max(best[0], probe.vectorIndex(n.name()));
            }
        });
        return best[0];
    }

    private static void visit(Expr e, java.util.function.Consumer<Expr> action) {
        action.accept(e);
        if (e instanceof Expr.Element el) {
            visit(el.index(), action);
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(a -> visit(a, action));
        } else if (e instanceof Expr.Negate n) {
            visit(n.operand(), action);
        } else if (e instanceof Expr.Binary b) {
            visit(b.left(), action);
            visit(b.right(), action);
        }
    }

    /** The formula as given. */
    public String text() {
        return text;
    }

    /** Its variables. */
    public Variables variables() {
        return variables;
    }

    /** Number of variables. */
    public int dimension() {
        return variables.count();
    }

    /** The named parameters the formula uses. */
    public Set<String> parametersUsed() {
        return used;
    }

    /** Whether E may depend on variable k (false when the simplified formula does not contain it). */
    public boolean dependsOn(int k) {
        return !graph.isConstant(gradientNodes[k], 0);
    }

    /** Instructions per evaluation of the gradient (a measure of its cost). */
    public int gradientLength() {
        return gradient.length();
    }

    /** Whether the gradient runs as a generated class (else interpreted: a formula too long for one method). */
    public boolean generated() {
        return gradient.generated();
    }

    /** E(x). */
    public double value(double[] x) {
        return valueKernel.run(x, null);
    }

    /** out = dE(x), exact. */
    public void gradient(double[] x, double[] out) {
        gradientKernel.run(x, out);
    }

    /** Writes dE(x) into {@code out} and returns E(x). */
    public double valueAndGradient(double[] x, double[] out) {
        return bothKernel.run(x, out);
    }

    /** out = Hess E(x), row-major d x d, exact (its program is compiled on first use). */
    public void hessian(double[] x, double[] out) {
        hessianProgram().run(x, out);
    }

    private Program hessianProgram() {
        Program h = hessian;
        if (h == null) {
            synchronized (this) {
                h = hessian;
                if (h == null) {
                    int n = variables.count();
                    int[] nodes = new int[n * (n + 1) / 2];
                    int[][] places = new int[nodes.length][];
                    int k = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = i; j < n; j++) {
                            places[k] = i == j ? new int[] {i * n + j} : new int[] {i * n + j, j * n + i};
                            nodes[k++] = graph.derive(gradientNodes[i], j);
                        }
                    }
                    h = new Program(graph, n, nodes, places, generate);
                    hessian = h;
                }
            }
        }
        return h;
    }

    /** The simplified formula as text (as compiled: sums expanded, parameters replaced by their values). */
    public synchronized String simplified() {
        return graph.text(root, variables::name, TEXT_LIMIT);
    }

    /** dE/d(variable k), simplified, as text. */
    public synchronized String derivative(int k) {
        return graph.text(gradientNodes[k], variables::name, TEXT_LIMIT);
    }

    /** d^2E / d(variable i) d(variable j), simplified, as text. */
    public synchronized String secondDerivative(int i, int j) {
        return graph.text(graph.derive(gradientNodes[Math.min(i, j)], Math.max(i, j)), variables::name, TEXT_LIMIT);
    }

    /**
     * Null when E and dE are finite at x; else a sentence naming the first part of the formula (in evaluation order)
     * that is not finite there, e.g. {@code "log(x1) = NaN"}.
     */
    public synchronized String diagnose(double[] x) {
        double[] g = new double[variables.count()];
        boolean finite = Double.isFinite(valueAndGradient.run(x, g));
        for (double v : g) {
            finite &= Double.isFinite(v);
        }
        if (finite) {
            return null;
        }
        // evaluate node by node (the graph order is an evaluation order) to name the first non-finite part
        double[] v = new double[graph.size()];
        for (int n = 0; n < graph.size(); n++) {
            int o = graph.op(n);
            double r = o == Op.VAR ? x[graph.left(n)] : o == Op.CONST ? graph.constantOf(n)
                    : Op.apply(o, v[graph.left(n)], Op.binary(o) ? v[graph.right(n)] : 0, graph.constantOf(n));
            v[n] = r;
            if (!Double.isFinite(r)) {
                boolean part = n == root;
                for (int gn : gradientNodes) {
                    part |= n == gn;
                }
                return graph.text(n, variables::name, 200) + " = " + r + (n == root ? "" : n < root || part ? ""
                        : " (in the derivative)");
            }
        }
        return "the formula is not finite there";
    }

    @Override
    public String toString() {
        return text;
    }
}
