package org.varflow.api.formula;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.varflow.api.Names;

/**
 * Turns a syntax tree into graph nodes: names resolved (variables, constants, parameters, summation indices),
 * functions checked for their number of arguments, and {@code sum}/{@code prod} over an index expanded term by term
 * into a balanced tree (so a sum of d terms is log2 d deep and summed pairwise).
 */
final class Compiler {
    /** One-argument functions by name. */
    static final Map<String, Integer> UNARY = Map.ofEntries(
            Map.entry("exp", Op.EXP), Map.entry("log", Op.LOG), Map.entry("ln", Op.LOG),
            Map.entry("log1p", Op.LOG1P), Map.entry("expm1", Op.EXPM1), Map.entry("sqrt", Op.SQRT),
            Map.entry("sin", Op.SIN), Map.entry("cos", Op.COS), Map.entry("tan", Op.TAN), Map.entry("tanh", Op.TANH),
            Map.entry("sinh", Op.SINH), Map.entry("cosh", Op.COSH), Map.entry("atan", Op.ATAN),
            Map.entry("asin", Op.ASIN), Map.entry("acos", Op.ACOS), Map.entry("abs", Op.ABS),
            Map.entry("sign", Op.SIGN), Map.entry("step", Op.STEP), Map.entry("softplus", Op.SOFTPLUS),
            Map.entry("sigmoid", Op.SIGMOID));
    /** Every function name, for messages. */
    static final List<String> FUNCTIONS;
    /** Most terms all sums and products of a formula may expand to. */
    static final long MAX_TERMS = 2_000_000;

    static {
        TreeSet<String> all = new TreeSet<>(UNARY.keySet());
        all.addAll(List.of("min", "max", "pow", "sum", "prod"));
        FUNCTIONS = List.copyOf(all);
    }

    private final Graph graph;
    private final String text;
    private final Variables variables;
    private final Map<String, Double> constants;
    private final java.util.Set<String> used = new java.util.TreeSet<>();
    private long terms;

    Compiler(Graph graph, String text, Variables variables, Map<String, Double> constants) {
        this.graph = graph;
        this.text = text;
        this.variables = variables;
        this.constants = constants;
    }

    /** The given constants (parameters) the formula used. */
    java.util.Set<String> used() {
        return used;
    }

    int compile(Expr e) {
        return compile(e, Map.of());
    }

    private int compile(Expr e, Map<String, Integer> indices) {
        if (e instanceof Expr.Num n) {
            return graph.constant(n.value());
        }
        if (e instanceof Expr.Name n) {
            return name(n, indices);
        }
        if (e instanceof Expr.Element el) {
            return element(el, indices);
        }
        if (e instanceof Expr.Negate n) {
            return graph.neg(compile(n.operand(), indices));
        }
        if (e instanceof Expr.Binary b) {
            int l = compile(b.left(), indices);
            int r = compile(b.right(), indices);
            return switch (b.op()) {
                case '+' -> graph.add(l, r);
                case '-' -> graph.sub(l, r);
                case '*' -> graph.mul(l, r);
                case '/' -> graph.div(l, r);
                default -> graph.pow(l, r);
            };
        }
        return call((Expr.Call) e, indices);
    }

    private int name(Expr.Name n, Map<String, Integer> indices) {
        String name = n.name();
        Integer index = indices.get(name);
        if (index != null) {
            return graph.constant(index);
        }
        int k = variables.indexOf(name);
        if (k >= 0) {
            return graph.variable(k);
        }
        int v = variables.vectorIndex(name);
        if (v > variables.d()) {
            throw error(name + " is not a variable here: there " + (variables.d() == 1 ? "is one variable, "
                    : "are " + variables.d() + " variables, ") + variables.describe(), n.pos());
        }
        Double value = constants.get(name);
        if (value != null) {
            used.add(name);
            return graph.constant(value);
        }
        switch (name) {
            case "pi":
                return graph.constant(Math.PI);
            case "e":
                return graph.constant(Math.E);
            case "d":
                if (variables.prefix() != null) {
                    return graph.constant(variables.d());
                }
                break;
            default:
                break;
        }
        if (UNARY.containsKey(name) || FUNCTIONS.contains(name)) {
            throw error("'" + name + "' is a function: write " + name + "(...)", n.pos());
        }
        List<String> known = new ArrayList<>(constants.keySet());
        known.addAll(indices.keySet());
        known.addAll(List.of("pi", "e"));
        List<String> vars = new ArrayList<>();
        for (int i = 0; i < Math.min(variables.count(), 50); i++) {
            vars.add(variables.name(i));
        }
        if (variables.prefix() != null) {
            known.add("d");
        }
        List<String> all = new ArrayList<>(known);
        all.addAll(vars);
        List<String> near = Names.nearest(name, all);
        throw error("unknown name '" + name + "'" + (near.isEmpty() ? "" : "; did you mean "
                + String.join(" or ", near.stream().map(s -> "'" + s + "'").toList()) + "?") + " Variables: "
                + variables.describe() + "; constants: pi, e" + (variables.prefix() != null ? ", d" : "")
                + (constants.isEmpty() ? "" : "; parameters: " + String.join(", ", new TreeSet<>(constants.keySet()))),
                n.pos());
    }

    private int element(Expr.Element el, Map<String, Integer> indices) {
        if (variables.prefix() == null || !el.name().equals(variables.prefix())) {
            throw error("'" + el.name() + "[...]' is not a vector here" + (variables.prefix() == null
                    ? "; the variables are " + variables.describe() : "; the vector is " + variables.prefix()),
                    el.pos());
        }
        int i = integer(el.index(), indices, "the index of " + el.name() + "[...]");
        if (i < 1 || i > variables.d()) {
            throw error(el.name() + "[" + i + "] is outside " + el.name() + "[1].." + el.name() + "["
                    + variables.d() + "] (d = " + variables.d() + ")", el.index().pos());
        }
        return graph.variable(i - 1);
    }

    /** A sub-expression that must be a whole number, known when the formula is compiled. */
    private int integer(Expr e, Map<String, Integer> indices, String what) {
        int node = compile(e, indices);
        if (!graph.isConstant(node)) {
            throw error(what + " must be a whole number known in advance (it may use summation indices, d and"
                    + " parameters, not variables)", e.pos());
        }
        double v = graph.constantOf(node);
        if (v != Math.rint(v) || Math.abs(v) > 1e9) {
            throw error(what + " is " + Graph.number(v) + ", not a whole number", e.pos());
        }
        return (int) v;
    }

    private int call(Expr.Call c, Map<String, Integer> indices) {
        String name = c.name();
        List<Expr> args = c.args();
        Integer unary = UNARY.get(name);
        if (unary != null) {
            arity(c, 1);
            return graph.unary(unary, compile(args.get(0), indices));
        }
        switch (name) {
            case "min":
            case "max": {
                if (args.size() < 2) {
                    throw error(name + "(...) takes two or more arguments, got " + args.size(), c.pos());
                }
                int o = name.equals("min") ? Op.MIN : Op.MAX;
                int r = compile(args.get(0), indices);
                for (int i = 1; i < args.size(); i++) {
                    r = graph.extreme(o, r, compile(args.get(i), indices));
                }
                return r;
            }
            case "pow":
                arity(c, 2);
                return graph.pow(compile(args.get(0), indices), compile(args.get(1), indices));
            case "sum":
            case "prod":
                return reduction(c, indices);
            default:
                throw error("unknown function '" + name + "'" + Names.suggestion(name, FUNCTIONS), c.pos());
        }
    }

    /** sum(i, from, to, body) or prod(i, from, to, body): the terms for i = from..to, combined pairwise. */
    private int reduction(Expr.Call c, Map<String, Integer> indices) {
        boolean sum = c.name().equals("sum");
        if (c.args().size() != 4) {
            throw error(c.name() + " takes an index, its first and last value and a term: " + c.name()
                    + "(i, 1, d, x[i]^2); got " + c.args().size() + " argument" + (c.args().size() == 1 ? "" : "s"),
                    c.pos());
        }
        if (!(c.args().get(0) instanceof Expr.Name index)) {
            throw error("the first argument of " + c.name() + " must be the name of its index, e.g. i",
                    c.args().get(0).pos());
        }
        String i = index.name();
        if (variables.indexOf(i) >= 0 || variables.vectorIndex(i) > 0 || constants.containsKey(i)
                || indices.containsKey(i) || List.of("pi", "e", "d").contains(i) || FUNCTIONS.contains(i)
                || i.equals(variables.prefix())) {
            throw error("the index name '" + i + "' is already taken (a variable, constant, parameter, function or"
                    + " outer index); choose another, e.g. i, j or k", index.pos());
        }
        int from = integer(c.args().get(1), indices, "the first value of " + i);
        int to = integer(c.args().get(2), indices, "the last value of " + i);
        if (to < from) {
            return graph.constant(sum ? 0 : 1);
        }
        terms += (long) to - from + 1;
        if (terms > MAX_TERMS) {
            throw error("the sums and products expand to more than " + MAX_TERMS + " terms", c.pos());
        }
        List<Integer> nodes = new ArrayList<>(to - from + 1);
        Map<String, Integer> inner = new HashMap<>(indices);
        for (int v = from; v <= to; v++) {
            inner.put(i, v);
            nodes.add(compile(c.args().get(3), inner));
        }
        while (nodes.size() > 1) {
            List<Integer> next = new ArrayList<>((nodes.size() + 1) / 2);
            for (int k = 0; k + 1 < nodes.size(); k += 2) {
                next.add(sum ? graph.add(nodes.get(k), nodes.get(k + 1)) : graph.mul(nodes.get(k), nodes.get(k + 1)));
            }
            if (nodes.size() % 2 == 1) {
                next.add(nodes.get(nodes.size() - 1));
            }
            nodes = next;
        }
        return nodes.get(0);
    }

    private void arity(Expr.Call c, int n) {
        if (c.args().size() != n) {
            throw error(c.name() + "(...) takes " + n + " argument" + (n == 1 ? "" : "s") + ", got "
                    + c.args().size(), c.pos());
        }
    }

    private FormulaException error(String what, int pos) {
        return new FormulaException(what, text, pos);
    }
}
