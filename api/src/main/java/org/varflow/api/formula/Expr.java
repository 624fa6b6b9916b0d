package org.varflow.api.formula;

import java.util.List;

/** A parsed formula: the syntax tree, every node with the 0-based position of its text in the formula. */
sealed interface Expr {
    int pos();

    /** A number. */
    record Num(double value, int pos) implements Expr {
    }

    /** A name: a variable, a constant, a parameter or a summation index. */
    record Name(String name, int pos) implements Expr {
    }

    /** {@code name[index]}: an element of the vector variable. */
    record Element(String name, Expr index, int pos) implements Expr {
    }

    /** {@code name(args)}: a function. */
    record Call(String name, List<Expr> args, int pos) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code -operand}. */
    record Negate(Expr operand, int pos) implements Expr {
    }

    /** {@code left op right}, op one of + - * / ^. */
    record Binary(char op, Expr left, Expr right, int pos) implements Expr {
    }
}
