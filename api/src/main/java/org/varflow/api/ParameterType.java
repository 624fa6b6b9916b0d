package org.varflow.api;

/** The value types a part parameter can take, with the textual syntax accepted on the command line. */
public enum ParameterType {
    /** A finite real number, e.g. {@code 0.5} or {@code 1e-3}. Java type {@code Double}. */
    REAL("real"),
    /** A whole number, e.g. {@code 100}. Java type {@code Long}. */
    INTEGER("integer"),
    /** {@code true} or {@code false}. Java type {@code Boolean}. */
    BOOLEAN("boolean"),
    /** One of a fixed set of words. Java type {@code String}. */
    CHOICE("choice"),
    /** A list of reals, e.g. {@code 1,2,3} (a single number is broadcast by the part). Java type {@code double[]}. */
    VECTOR("vector"),
    /** A dense matrix given by rows, e.g. {@code 2,0;0,1}. Java type {@code double[][]}. */
    MATRIX("matrix"),
    /** Free text such as a file path, e.g. {@code data/train.csv}. Java type {@code String}. */
    TEXT("text");

    private final String label;

    ParameterType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
