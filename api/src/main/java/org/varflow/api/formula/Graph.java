package org.varflow.api.formula;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A formula as a graph of shared nodes (hash-consed: an expression that occurs twice is one node), simplified as it is
 * built, and differentiated symbolically into more nodes of the same graph.
 *
 * <p>Simplification keeps the graph small and the derivatives readable: constants are folded, a constant factor or
 * summand floats up into one {@code c*x} or {@code x + c} node ((2 x)(2 y)/4 becomes x y), x*x is x^2, x^1 is x,
 * x + 0, 1 x and x/1 vanish, and commutative operands are put in one order so that x y and y x are one node. The
 * rules are the usual ones of computer algebra: 0 x = 0 and x/x = 1 even where x would be infinite or zero.
 *
 * <p>Every node's operands are older nodes, so node order is a valid evaluation order. Each node records the range
 * [lo, hi] of variable indices it may depend on, which makes the derivative of a long sum by one variable touch only
 * the terms that contain it. Not thread-safe: a graph is built by one thread, then compiled into immutable
 * {@link Program}s.
 */
final class Graph {
    /** Most nodes a formula may grow to (sums over indices are expanded). */
    static final int MAX_NODES = 4_000_000;

    private int size;
    private int[] op = new int[64];
    private int[] a = new int[64];
    private int[] b = new int[64];
    private double[] c = new double[64];
    private int[] lo = new int[64];
    private int[] hi = new int[64];
    private final Map<Key, Integer> index = new HashMap<>();
    private final Map<Long, Integer> derivatives = new HashMap<>();

    private record Key(int op, int a, int b, long c) {
    }

    int size() {
        return size;
    }

    int op(int n) {
        return op[n];
    }

    int left(int n) {
        return a[n];
    }

    int right(int n) {
        return b[n];
    }

    double constantOf(int n) {
        return c[n];
    }

    boolean isConstant(int n) {
        return op[n] == Op.CONST;
    }

    boolean isConstant(int n, double v) {
        return op[n] == Op.CONST && c[n] == v;
    }

    /** Whether node n may depend on variable k. */
    boolean mayDependOn(int n, int k) {
        return lo[n] <= k && k <= hi[n];
    }

    private int node(int o, int x, int y, double v) {
        Key key = new Key(o, x, y, Double.doubleToLongBits(v));
        Integer known = index.get(key);
        if (known != null) {
            return known;
        }
        if (size == MAX_NODES) {
            throw new IllegalStateException("the formula expands to more than " + MAX_NODES + " operations");
        }
        if (size == op.length) {
            int n = size * 2;
            op = Arrays.copyOf(op, n);
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            c = Arrays.copyOf(c, n);
            lo = Arrays.copyOf(lo, n);
            hi = Arrays.copyOf(hi, n);
        }
        int n = size++;
        op[n] = o;
        a[n] = x;
        b[n] = y;
        c[n] = v;
        if (o == Op.CONST) {
            lo[n] = Integer.MAX_VALUE;
            hi[n] = Integer.MIN_VALUE;
        } else if (o == Op.VAR) {
            lo[n] = x;
            hi[n] = x;
        } else {
            lo[n] = lo[x];
            hi[n] = hi[x];
            if (y >= 0) {
                lo[n] = Math.min(lo[n], lo[y]);
                hi[n] = Math.max(hi[n], hi[y]);
            }
        }
        index.put(key, n);
        return n;
    }

    /** A node exactly as given, without simplification (for tests of single operations). */
    int raw(int o, int x, int y, double v) {
        return node(o, x, y, v);
    }

    int constant(double v) {
        return node(Op.CONST, -1, -1, v);
    }

    int variable(int k) {
        return node(Op.VAR, k, -1, 0);
    }

    int add(int x, int y) {
        if (isConstant(x) && isConstant(y)) {
            return constant(c[x] + c[y]);
        }
        if (isConstant(x)) {
            return addc(y, c[x]);
        }
        if (isConstant(y)) {
            return addc(x, c[y]);
        }
        if (x == y) {
            return mulc(2, x);
        }
        if (op[y] == Op.MULC && c[y] < 0) {
            return sub(x, mulc(-c[y], a[y]));
        }
        if (op[x] == Op.MULC && c[x] < 0) {
            return sub(y, mulc(-c[x], a[x]));
        }
        return x < y ? node(Op.ADD, x, y, 0) : node(Op.ADD, y, x, 0);
    }

    int addc(int x, double v) {
        if (v == 0) {
            return x;
        }
        if (isConstant(x)) {
            return constant(c[x] + v);
        }
        if (op[x] == Op.ADDC) {
            return addc(a[x], c[x] + v);
        }
        return node(Op.ADDC, x, -1, v);
    }

    int sub(int x, int y) {
        if (isConstant(x) && isConstant(y)) {
            return constant(c[x] - c[y]);
        }
        if (isConstant(y)) {
            return addc(x, -c[y]);
        }
        if (x == y) {
            return constant(0);
        }
        if (isConstant(x)) {
            return addc(neg(y), c[x]);
        }
        if (op[y] == Op.MULC && c[y] < 0) {
            return add(x, mulc(-c[y], a[y]));
        }
        return node(Op.SUB, x, y, 0);
    }

    int neg(int x) {
        return mulc(-1, x);
    }

    int mulc(double v, int x) {
        if (v == 1) {
            return x;
        }
        if (v == 0) {
            return constant(0);
        }
        if (isConstant(x)) {
            return constant(v * c[x]);
        }
        if (op[x] == Op.MULC) {
            return mulc(v * c[x], a[x]);
        }
        return node(Op.MULC, x, -1, v);
    }

    int mul(int x, int y) {
        if (isConstant(x) && isConstant(y)) {
            return constant(c[x] * c[y]);
        }
        if (isConstant(x)) {
            return mulc(c[x], y);
        }
        if (isConstant(y)) {
            return mulc(c[y], x);
        }
        if (op[x] == Op.MULC) {
            return mulc(c[x], mul(a[x], y));
        }
        if (op[y] == Op.MULC) {
            return mulc(c[y], mul(x, a[y]));
        }
        if (x == y) {
            return sq(x);
        }
        return x < y ? node(Op.MUL, x, y, 0) : node(Op.MUL, y, x, 0);
    }

    int div(int x, int y) {
        if (isConstant(x) && isConstant(y)) {
            return constant(c[x] / c[y]);
        }
        if (isConstant(y)) {
            return mulc(1 / c[y], x);
        }
        if (isConstant(x, 0)) {
            return x;
        }
        if (x == y) {
            return constant(1);
        }
        if (op[x] == Op.MULC) {
            return mulc(c[x], div(a[x], y));
        }
        if (op[y] == Op.MULC) {
            return mulc(1 / c[y], div(x, a[y]));
        }
        return node(Op.DIV, x, y, 0);
    }

    int sq(int x) {
        if (isConstant(x)) {
            return constant(c[x] * c[x]);
        }
        if (op[x] == Op.MULC) {
            return mulc(c[x] * c[x], sq(a[x]));
        }
        return node(Op.SQ, x, -1, 0);
    }

    /** x^y. */
    int pow(int x, int y) {
        if (isConstant(y)) {
            return powc(x, c[y]);
        }
        if (isConstant(x) && isConstant(y)) {
            return constant(Math.pow(c[x], c[y]));
        }
        return node(Op.POW, x, y, 0);
    }

    /** x^v for a constant v. */
    int powc(int x, double v) {
        if (isConstant(x)) {
            return constant(Math.pow(c[x], v));
        }
        if (v == 0) {
            return constant(1);
        }
        if (v == 1) {
            return x;
        }
        if (v == 2) {
            return sq(x);
        }
        if (v == 0.5) {
            return unary(Op.SQRT, x);
        }
        if (v == -1) {
            return div(constant(1), x);
        }
        if (v == Math.rint(v) && Math.abs(v) <= 64) {
            return node(Op.POWI, x, -1, v);
        }
        return node(Op.POWC, x, -1, v);
    }

    /** A one-operand function (exp, log, ..., abs, sign, step, softplus, sigmoid). */
    int unary(int o, int x) {
        if (isConstant(x)) {
            return constant(Op.apply(o, c[x], 0, 0));
        }
        return node(o, x, -1, 0);
    }

    /** min or max. */
    int extreme(int o, int x, int y) {
        if (isConstant(x) && isConstant(y)) {
            return constant(Op.apply(o, c[x], c[y], 0));
        }
        if (x == y) {
            return x;
        }
        return x < y ? node(o, x, y, 0) : node(o, y, x, 0);
    }

    /** Builds a node of the given operation from operands (for rebuilding and folding). */
    int make(int o, int x, int y, double v) {
        return switch (o) {
            case Op.CONST -> constant(v);
            case Op.VAR -> variable(x);
            case Op.ADD -> add(x, y);
            case Op.SUB -> sub(x, y);
            case Op.MUL -> mul(x, y);
            case Op.DIV -> div(x, y);
            case Op.ADDC -> addc(x, v);
            case Op.MULC -> mulc(v, x);
            case Op.SQ -> sq(x);
            case Op.POWI, Op.POWC -> powc(x, v);
            case Op.POW -> pow(x, y);
            case Op.MIN, Op.MAX -> extreme(o, x, y);
            default -> unary(o, x);
        };
    }

    /** d(node n)/d(variable k), as a node; memoized. */
    int derive(int n, int k) {
        if (!mayDependOn(n, k)) {
            return constant(0);
        }
        long key = ((long) n << 32) | (k & 0xffffffffL);
        Integer known = derivatives.get(key);
        if (known != null) {
            return known;
        }
        int result = differentiate(n, k);
        derivatives.put(key, result);
        return result;
    }

    private int differentiate(int n, int k) {
        int x = a[n];
        int y = b[n];
        int o = op[n];
        if (o == Op.VAR) {
            return constant(x == k ? 1 : 0);
        }
        int dx = derive(x, k);
        int dy = y >= 0 ? derive(y, k) : -1;
        return switch (o) {
            case Op.ADD -> add(dx, dy);
            case Op.SUB -> sub(dx, dy);
            case Op.MUL -> add(mul(x, dy), mul(y, dx));
            case Op.DIV -> div(sub(dx, mul(n, dy)), y);
            case Op.ADDC -> dx;
            case Op.MULC -> mulc(c[n], dx);
            case Op.SQ -> mulc(2, mul(x, dx));
            case Op.POWI, Op.POWC -> mulc(c[n], mul(powc(x, c[n] - 1), dx));
            case Op.POW -> isConstant(dy, 0) ? mul(mul(y, pow(x, addc(y, -1))), dx)
                    : mul(n, add(mul(dy, unary(Op.LOG, x)), div(mul(y, dx), x)));
            case Op.EXP -> mul(n, dx);
            case Op.LOG -> div(dx, x);
            case Op.LOG1P -> div(dx, addc(x, 1));
            case Op.EXPM1 -> mul(addc(n, 1), dx);
            case Op.SQRT -> div(mulc(0.5, dx), n);
            case Op.SIN -> mul(unary(Op.COS, x), dx);
            case Op.COS -> neg(mul(unary(Op.SIN, x), dx));
            case Op.TAN -> mul(addc(sq(n), 1), dx);
            case Op.TANH -> mul(sub(constant(1), sq(n)), dx);
            case Op.SINH -> mul(unary(Op.COSH, x), dx);
            case Op.COSH -> mul(unary(Op.SINH, x), dx);
            case Op.ATAN -> div(dx, addc(sq(x), 1));
            case Op.ASIN -> div(dx, unary(Op.SQRT, sub(constant(1), sq(x))));
            case Op.ACOS -> neg(div(dx, unary(Op.SQRT, sub(constant(1), sq(x)))));
            case Op.ABS -> mul(unary(Op.SIGN, x), dx);
            case Op.SIGN, Op.STEP -> constant(0);
            // min(x, y) = x + step(x - y) (y - x): the derivative takes the branch that is active (x at a tie)
            case Op.MIN -> add(dx, mul(unary(Op.STEP, sub(x, y)), sub(dy, dx)));
            case Op.MAX -> add(dx, mul(unary(Op.STEP, sub(y, x)), sub(dy, dx)));
            case Op.SOFTPLUS -> mul(unary(Op.SIGMOID, x), dx);
            case Op.SIGMOID -> mul(mul(n, sub(constant(1), n)), dx);
            default -> throw new IllegalStateException("no derivative for operation " + Op.name(o));
        };
    }

    // ---- printing -------------------------------------------------------------------------------------------------

    /** The node as text in the formula language, at most {@code limit} characters (then cut with "..."). */
    String text(int n, IntFunction<String> variableName, int limit) {
        StringBuilder out = new StringBuilder();
        try {
            print(n, 0, variableName, out, limit);
        } catch (TooLong e) {
            out.setLength(Math.min(out.length(), limit));
            out.append("...");
        }
        return out.toString();
    }

    private static final class TooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super(null, null, false, false);
        }
    }

    /** Binding strength: sums 1, products 2, unary minus 2, powers 3, atoms 4. */
    private int precedence(int n) {
        return switch (op[n]) {
            case Op.ADD, Op.SUB, Op.ADDC -> 1;
            case Op.MUL, Op.DIV, Op.MULC -> 2;
            case Op.SQ, Op.POWI, Op.POWC, Op.POW -> 3;
            case Op.CONST -> c[n] < 0 ? 2 : 4;
            default -> 4;
        };
    }

    private void print(int n, int context, IntFunction<String> names, StringBuilder out, int limit) {
        if (out.length() > limit) {
            throw new TooLong();
        }
        boolean paren = precedence(n) < context;
        if (paren) {
            out.append('(');
        }
        int x = a[n];
        int y = b[n];
        switch (op[n]) {
            case Op.CONST -> out.append(number(c[n]));
            case Op.VAR -> out.append(names.apply(x));
            case Op.ADD -> {
                print(x, 1, names, out, limit);
                out.append(" + ");
                print(y, 1, names, out, limit);
            }
            case Op.SUB -> {
                print(x, 1, names, out, limit);
                out.append(" - ");
                print(y, 2, names, out, limit);
            }
            case Op.ADDC -> {
                print(x, 1, names, out, limit);
                out.append(c[n] < 0 ? " - " : " + ").append(number(Math.abs(c[n])));
            }
            case Op.MULC -> {
                if (c[n] == -1) {
                    out.append('-');
                } else {
                    out.append(number(c[n])).append('*');
                }
                print(x, 3, names, out, limit);
            }
            case Op.MUL -> {
                print(x, 2, names, out, limit);
                out.append('*');
                print(y, 3, names, out, limit);
            }
            case Op.DIV -> {
                print(x, 2, names, out, limit);
                out.append('/');
                print(y, 3, names, out, limit);
            }
            case Op.SQ, Op.POWI, Op.POWC -> {
                print(x, 4, names, out, limit);
                double e = op[n] == Op.SQ ? 2 : c[n];
                out.append('^').append(e < 0 ? "(" + number(e) + ")" : number(e));
            }
            case Op.POW -> {
                print(x, 4, names, out, limit);
                out.append('^');
                print(y, 4, names, out, limit);
            }
            case Op.MIN, Op.MAX -> {
                out.append(Op.name(op[n])).append('(');
                print(x, 0, names, out, limit);
                out.append(", ");
                print(y, 0, names, out, limit);
                out.append(')');
            }
            default -> {
                out.append(Op.name(op[n])).append('(');
                print(x, 0, names, out, limit);
                out.append(')');
            }
        }
        if (paren) {
            out.append(')');
        }
    }

    /** A number as a person would write it: 2, 0.25, 1e-08. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
