package dev.straightline.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.model.PrecisionKind;

/** How generated code spells numbers of the network's precision: {@code float} or {@code double}. */
public final class Numeric {
    private final boolean single;

    private Numeric(boolean single) {
        this.single = single;
    }

    public static Numeric of(PrecisionKind precision) {
        return new Numeric(precision == PrecisionKind.FLOAT);
    }

    public boolean isFloat() {
        return single;
    }

    /** {@code float} or {@code double}. */
    public TypeName scalar() {
        return single ? TypeName.FLOAT : TypeName.DOUBLE;
    }

    /** {@code float[]} or {@code double[]}. */
    public TypeName vector() {
        return ArrayTypeName.of(scalar());
    }

    /** {@code float[][]} or {@code double[][]}. */
    public TypeName matrix() {
        return ArrayTypeName.of(vector());
    }

    /** The keyword, for code templates. */
    public String name() {
        return single ? "float" : "double";
    }

    /** Bytes per value in a weight file. */
    public int bytes() {
        return single ? 4 : 8;
    }

    /** A literal of this precision: {@code 0.01f} or {@code 0.01}. */
    public String literal(double value) {
        return single ? (float) value + "f" : Double.toString(value);
    }

    /** A call to a {@code java.lang.Math} function, narrowed to float when needed. */
    public String math(String function, String argument) {
        return single ? "(float) Math." + function + "(" + argument + ")" : "Math." + function + "(" + argument + ")";
    }

    /** A {@code double} expression brought to this precision: cast for float, as it is for double. */
    public String fromDouble(String expression) {
        return single ? "(float) (" + expression + ")" : expression;
    }

    /** An expression of this precision widened to {@code double} before arithmetic. */
    public String toDouble(String expression) {
        return single ? "(double) " + expression : expression;
    }

    /** {@code Float.isFinite} or {@code Double.isFinite}. */
    public String isFinite(String expression) {
        return (single ? "Float" : "Double") + ".isFinite(" + expression + ")";
    }
}
