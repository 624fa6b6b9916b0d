package org.varflow.api.formula;

/**
 * The operations of a formula graph and of a compiled {@link Program}: codes, names and their meaning on doubles
 * ({@link #apply}), used to fold constants while the graph is built. {@link Program#run} evaluates the same
 * operations in its own loop (a test checks that both agree for every code).
 */
final class Op {
    static final int CONST = 0;
    static final int VAR = 1;
    static final int ADD = 2;
    static final int SUB = 3;
    static final int MUL = 4;
    static final int DIV = 5;
    /** x + c. */
    static final int ADDC = 6;
    /** c x. */
    static final int MULC = 7;
    /** x^2. */
    static final int SQ = 8;
    /** x^n, n = c a whole number. */
    static final int POWI = 9;
    /** x^c, c real. */
    static final int POWC = 10;
    /** x^y. */
    static final int POW = 11;
    static final int EXP = 12;
    static final int LOG = 13;
    static final int LOG1P = 14;
    static final int EXPM1 = 15;
    static final int SQRT = 16;
    static final int SIN = 17;
    static final int COS = 18;
    static final int TAN = 19;
    static final int TANH = 20;
    static final int SINH = 21;
    static final int COSH = 22;
    static final int ATAN = 23;
    static final int ASIN = 24;
    static final int ACOS = 25;
    static final int ABS = 26;
    /** sign(x) in {-1, 0, 1}. */
    static final int SIGN = 27;
    /** Heaviside: 1 for x &gt; 0, else 0. */
    static final int STEP = 28;
    static final int MIN = 29;
    static final int MAX = 30;
    /** log(1 + e^x), without overflow. */
    static final int SOFTPLUS = 31;
    /** 1 / (1 + e^-x), without overflow. */
    static final int SIGMOID = 32;
    static final int COUNT = 33;

    private static final String[] NAMES = {"const", "var", "+", "-", "*", "/", "+c", "c*", "^2", "^n", "^c", "^",
        "exp", "log", "log1p", "expm1", "sqrt", "sin", "cos", "tan", "tanh", "sinh", "cosh", "atan", "asin", "acos",
        "abs", "sign", "step", "min", "max", "softplus", "sigmoid"};

    private Op() {
    }

    static String name(int op) {
        return NAMES[op];
    }

    /** Whether the operation takes two graph operands (the rest take one, or none). */
    static boolean binary(int op) {
        return op == ADD || op == SUB || op == MUL || op == DIV || op == POW || op == MIN || op == MAX;
    }

    /** The value of {@code op} at operands x, y and constant c. */
    static double apply(int op, double x, double y, double c) {
        return switch (op) {
            case CONST -> c;
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case ADDC -> x + c;
            case MULC -> c * x;
            case SQ -> x * x;
            case POWI -> powi(x, (int) c);
            case POWC -> Math.pow(x, c);
            case POW -> Math.pow(x, y);
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case LOG1P -> Math.log1p(x);
            case EXPM1 -> Math.expm1(x);
            case SQRT -> Math.sqrt(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case TANH -> Math.tanh(x);
            case SINH -> Math.sinh(x);
            case COSH -> Math.cosh(x);
            case ATAN -> Math.atan(x);
            case ASIN -> Math.asin(x);
            case ACOS -> Math.acos(x);
            case ABS -> Math.abs(x);
            case SIGN -> Math.signum(x);
            case STEP -> step(x);
            case MIN -> Math.min(x, y);
            case MAX -> Math.max(x, y);
            case SOFTPLUS -> softplus(x);
            case SIGMOID -> sigmoid(x);
            default -> throw new IllegalStateException("no value for operation " + op);
        };
    }

    /** x^n by repeated squaring (n may be negative). */
    static double powi(double x, int n) {
        if (n == 2) {
            return x * x;
        }
        if (n == 3) {
            return x * x * x;
        }
        long m = Math.abs((long) n);
        double result = 1;
        double p = x;
        while (m > 0) {
            if ((m & 1) != 0) {
                result *= p;
            }
            p *= p;
            m >>= 1;
        }
        return n < 0 ? 1 / result : result;
    }

    /** Heaviside: 1 for x &gt; 0, else 0. */
    static double step(double x) {
        return x > 0 ? 1.0 : 0.0;
    }

    /** log(1 + e^x). */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** 1 / (1 + e^-x). */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
