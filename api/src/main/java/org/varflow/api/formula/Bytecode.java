package org.varflow.api.formula;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a straight-line program into a JVM class of its own, so that the JIT compiles a formula like hand-written
 * Java: every node becomes a local variable, every operation one bytecode (dadd, dmul, ...) or a call of the same
 * {@link Math} method the interpreter calls, so both give the same doubles bit for bit. The class implements
 * {@link Kernel}, is defined as a hidden class of this package (unloaded with its formula) and has no branches, so
 * it needs no stack map frames.
 *
 * <p>Programs too long for one method the JIT will compile (about {@value #MAX_CODE} bytes of bytecode) are not
 * generated: {@link #generate} returns null and the caller interprets them.
 */
final class Bytecode {
    /** The most bytecode generated for one kernel: below HotSpot's limit for compiling a method (8000 bytes). */
    static final int MAX_CODE = 7600;
    private static final String OP = "org/varflow/api/formula/Op";
    private static final String MATH = "java/lang/Math";

    private final Pool pool = new Pool();
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();

    private Bytecode() {
    }

    /**
     * A kernel for the program, or null when it is too long.
     *
     * @param d        the variables (slots 0..d-1 of the program)
     * @param constants the program's constant slots' values (slots d..d+constants.length-1)
     * @param op       operation per instruction (instruction i has slot d + constants.length + i)
     * @param left     first operand slot per instruction
     * @param right    second operand slot per instruction (binary operations)
     * @param constant the constant c per instruction
     * @param outputs  the slot of each output
     * @param targets  where each output goes in {@code out}; null for the returned one
     */
    static Kernel generate(int d, double[] constants, int[] op, int[] left, int[] right, double[] constant,
                           int[] outputs, int[][] targets) {
        long locals = 3 + 2L * (d + op.length);
        if (locals > 65_000 || op.length * 8L > MAX_CODE) {
            return null;
        }
        Bytecode b = new Bytecode();
        byte[] bytes;
        try {
            bytes = b.classFile(d, constants, op, left, right, constant, outputs, targets);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (bytes == null) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (Kernel) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("could not define the formula's class: " + e, e);
        }
    }

    private byte[] classFile(int d, double[] constants, int[] op, int[] left, int[] right, double[] constant,
                             int[] outputs, int[][] targets) throws IOException {
        int base = d + constants.length;
        DataOutputStream c = new DataOutputStream(code);
        // slot s of the program: variables and instructions live in locals, constants are pushed as literals
        // locals: 0 this, 1 x, 2 out, then two per variable and per instruction
        boolean[] usedVariable = new boolean[d];
        for (int i = 0; i < op.length; i++) {
            mark(usedVariable, left[i], d);
            if (Op.binary(op[i])) {
                mark(usedVariable, right[i], d);
            }
        }
        for (int s : outputs) {
            mark(usedVariable, s, d);
        }
        for (int k = 0; k < d; k++) {
            if (usedVariable[k]) {
                c.writeByte(0x2b); // aload_1
                pushInt(c, k);
                c.writeByte(0x31); // daload
                store(c, local(k));
            }
        }
        for (int i = 0; i < op.length; i++) {
            int u = left[i];
            int o = op[i];
            switch (o) {
                case Op.ADD, Op.SUB, Op.MUL, Op.DIV -> {
                    load(c, u, d, constants);
                    load(c, right[i], d, constants);
                    c.writeByte(o == Op.ADD ? 0x63 : o == Op.SUB ? 0x67 : o == Op.MUL ? 0x6b : 0x6f);
                }
                case Op.ADDC -> {
                    load(c, u, d, constants);
                    literal(c, constant[i]);
                    c.writeByte(0x63);
                }
                case Op.MULC -> {
                    literal(c, constant[i]);
                    load(c, u, d, constants);
                    c.writeByte(0x6b);
                }
                case Op.SQ -> {
                    load(c, u, d, constants);
                    c.writeByte(0x5c); // dup2
                    c.writeByte(0x6b);
                }
                case Op.POWI -> {
                    load(c, u, d, constants);
                    pushInt(c, (int) constant[i]);
                    call(c, OP, "powi", "(DI)D");
                }
                case Op.POWC -> {
                    load(c, u, d, constants);
                    literal(c, constant[i]);
                    call(c, MATH, "pow", "(DD)D");
                }
                case Op.POW, Op.MIN, Op.MAX -> {
                    load(c, u, d, constants);
                    load(c, right[i], d, constants);
                    call(c, MATH, o == Op.POW ? "pow" : o == Op.MIN ? "min" : "max", "(DD)D");
                }
                case Op.STEP, Op.SOFTPLUS, Op.SIGMOID -> {
                    load(c, u, d, constants);
                    call(c, OP, o == Op.STEP ? "step" : Op.name(o), "(D)D");
                }
                default -> {
                    load(c, u, d, constants);
                    call(c, MATH, o == Op.SIGN ? "signum" : Op.name(o), "(D)D");
                }
            }
            store(c, local(base + i - constants.length));
            if (code.size() > MAX_CODE) {
                return null;
            }
        }
        int returned = -1;
        for (int k = 0; k < outputs.length; k++) {
            if (targets[k] == null) {
                returned = outputs[k];
                continue;
            }
            for (int t : targets[k]) {
                c.writeByte(0x2c); // aload_2
                pushInt(c, t);
                load(c, outputs[k], d, constants);
                c.writeByte(0x52); // dastore
            }
        }
        if (returned >= 0) {
            load(c, returned, d, constants);
        } else {
            c.writeByte(0x0e); // dconst_0
        }
        c.writeByte(0xaf); // dreturn
        if (code.size() > MAX_CODE) {
            return null;
        }
        int maxLocals = 3 + 2 * (d + op.length);
        return assemble(maxLocals);
    }

    private static void mark(boolean[] used, int slot, int d) {
        if (slot < d) {
            used[slot] = true;
        }
    }

    /** The local of program slot s (variables and instructions; constants have none). */
    private static int local(int s) {
        return 3 + 2 * s;
    }

    private void load(DataOutputStream c, int slot, int d, double[] constants) throws IOException {
        if (slot >= d && slot < d + constants.length) {
            literal(c, constants[slot - d]);
            return;
        }
        int s = slot < d ? slot : slot - constants.length;
        int l = local(s);
        if (l <= 255) {
            c.writeByte(0x18); // dload
            c.writeByte(l);
        } else {
            c.writeByte(0xc4); // wide
            c.writeByte(0x18);
            c.writeShort(l);
        }
    }

    private static void store(DataOutputStream c, int l) throws IOException {
        if (l <= 255) {
            c.writeByte(0x39); // dstore
            c.writeByte(l);
        } else {
            c.writeByte(0xc4);
            c.writeByte(0x39);
            c.writeShort(l);
        }
    }

    private void literal(DataOutputStream c, double v) throws IOException {
        if (Double.doubleToRawLongBits(v) == 0L) {
            c.writeByte(0x0e); // dconst_0
        } else if (v == 1.0) {
            c.writeByte(0x0f); // dconst_1
        } else {
            c.writeByte(0x14); // ldc2_w
            c.writeShort(pool.number(v));
        }
    }

    private void pushInt(DataOutputStream c, int v) throws IOException {
        if (v >= -1 && v <= 5) {
            c.writeByte(0x03 + v); // iconst_m1 .. iconst_5
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            c.writeByte(0x10); // bipush
            c.writeByte(v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            c.writeByte(0x11); // sipush
            c.writeShort(v);
        } else {
            c.writeByte(0x13); // ldc_w
            c.writeShort(pool.integer(v));
        }
    }

    private void call(DataOutputStream c, String owner, String name, String descriptor) throws IOException {
        c.writeByte(0xb8); // invokestatic
        c.writeShort(pool.method(owner, name, descriptor, false));
    }

    /** The class file: this class, its constructor and run(double[], double[]). */
    private byte[] assemble(int maxLocals) throws IOException {
        int thisClass = pool.type("org/varflow/api/formula/CompiledFormula");
        int object = pool.type("java/lang/Object");
        int kernel = pool.type("org/varflow/api/formula/Kernel");
        int init = pool.utf8("<init>");
        int voidDescriptor = pool.utf8("()V");
        int objectInit = pool.method("java/lang/Object", "<init>", "()V", false);
        int run = pool.utf8("run");
        int runDescriptor = pool.utf8("([D[D)D");
        int codeName = pool.utf8("Code");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(61); // Java 17
        pool.write(out);
        out.writeShort(0x0031); // public final super
        out.writeShort(thisClass);
        out.writeShort(object);
        out.writeShort(1);
        out.writeShort(kernel);
        out.writeShort(0); // fields
        out.writeShort(2); // methods
        // public <init>() { super(); }
        out.writeShort(0x0001);
        out.writeShort(init);
        out.writeShort(voidDescriptor);
        out.writeShort(1);
        out.writeShort(codeName);
        out.writeInt(2 + 2 + 4 + 5 + 2 + 2);
        out.writeShort(1);
        out.writeShort(1);
        out.writeInt(5);
        out.writeByte(0x2a); // aload_0
        out.writeByte(0xb7); // invokespecial
        out.writeShort(objectInit);
        out.writeByte(0xb1); // return
        out.writeShort(0);
        out.writeShort(0);
        // public double run(double[] x, double[] out)
        byte[] body = code.toByteArray();
        out.writeShort(0x0001);
        out.writeShort(run);
        out.writeShort(runDescriptor);
        out.writeShort(1);
        out.writeShort(codeName);
        out.writeInt(2 + 2 + 4 + body.length + 2 + 2);
        out.writeShort(6); // max stack: a double, a double and an int, or an array, an index and a double
        out.writeShort(maxLocals);
        out.writeInt(body.length);
        out.write(body);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(0); // class attributes
        return bytes.toByteArray();
    }

    /** The constant pool, each entry written once. */
    private static final class Pool {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private final Map<String, Integer> index = new HashMap<>();
        private int next = 1;

        int utf8(String s) throws IOException {
            Integer known = index.get("U" + s);
            if (known != null) {
                return known;
            }
            out.writeByte(1);
            out.writeUTF(s);
            index.put("U" + s, next);
            return next++;
        }

        int type(String name) throws IOException {
            Integer known = index.get("C" + name);
            if (known != null) {
                return known;
            }
            int n = utf8(name);
            out.writeByte(7);
            out.writeShort(n);
            index.put("C" + name, next);
            return next++;
        }

        int method(String owner, String name, String descriptor, boolean onInterface) throws IOException {
            String key = "M" + owner + "." + name + descriptor;
            Integer known = index.get(key);
            if (known != null) {
                return known;
            }
            int o = type(owner);
            int n = utf8(name);
            int t = utf8(descriptor);
            out.writeByte(12);
            out.writeShort(n);
            out.writeShort(t);
            int nameAndType = next++;
            out.writeByte(onInterface ? 11 : 10);
            out.writeShort(o);
            out.writeShort(nameAndType);
            index.put(key, next);
            return next++;
        }

        int number(double v) throws IOException {
            String key = "D" + Double.doubleToRawLongBits(v);
            Integer known = index.get(key);
            if (known != null) {
                return known;
            }
            out.writeByte(6);
            out.writeDouble(v);
            index.put(key, next);
            int at = next;
            next += 2; // a double takes two entries
            return at;
        }

        int integer(int v) throws IOException {
            String key = "I" + v;
            Integer known = index.get(key);
            if (known != null) {
                return known;
            }
            out.writeByte(3);
            out.writeInt(v);
            index.put(key, next);
            return next++;
        }

        void write(DataOutputStream to) throws IOException {
            if (next > 65_535) {
                throw new IOException("constant pool too large");
            }
            to.writeShort(next);
            to.write(bytes.toByteArray());
        }
    }
}
