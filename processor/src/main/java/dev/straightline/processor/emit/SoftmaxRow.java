package dev.straightline.processor.emit;

import com.palantir.javapoet.CodeBlock;

/**
 * The numerically stable softmax of one row, {@code e^(zᵢ − m) / Σⱼ e^(zⱼ − m)} with
 * {@code m = max z}, so that no exponent is positive. Shared by the softmax activation, the
 * softmax cross-entropy loss and its prediction.
 */
public final class SoftmaxRow {
    private SoftmaxRow() {}

    /**
     * Statements that write {@code e^(z[j] − rowMax)} to {@code target(j)} for every unit and leave
     * the row's maximum in {@code rowMax} and the sum of the exponentials in {@code rowSum}. The
     * caller normalises.
     *
     * @param z the row read, such as {@code z}
     * @param target the element written, given the index {@code j}, such as {@code out[o + j]}
     * @param narrowing a cast placed before the value written, or the empty string
     */
    public static CodeBlock exponentials(String z, String target, String narrowing, int units, Numeric numeric) {
        String t = numeric.name();
        return CodeBlock.builder()
                .addStatement("$L rowMax = $L[0]", t, z)
                .beginControlFlow("for (int j = 1; j < $L; j++)", units)
                .addStatement("rowMax = Math.max(rowMax, $L[j])", z)
                .endControlFlow()
                .addStatement("$L rowSum = $L", t, numeric.literal(0))
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("$L e = $L", t, numeric.math("exp", z + "[j] - rowMax"))
                .addStatement("$L = $Le", target, narrowing)
                .addStatement("rowSum += e")
                .endControlFlow()
                .build();
    }
}
