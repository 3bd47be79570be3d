package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;

/**
 * λ·z for z > 0, λα(e^z − 1) otherwise, with the self-normalising constants of Klambauer et al.;
 * for z ≤ 0 the derivative λα·e^z equals h + λα.
 */
final class Selu extends Elementwise {
    static final double LAMBDA = 1.0507009873554805;
    static final double ALPHA = 1.6732632423543772;

    @Override
    public String formula() {
        return "selu(Z)";
    }

    @Override
    public String backwardFormula() {
        return "dZ = (Z > 0 ? λ : H + λα) ⊙ dH";
    }

    @Override
    CodeBlock value(String z, Numeric numeric) {
        return CodeBlock.of("$L > $L ? $L * $L : $L * $L", z, numeric.literal(0), numeric.literal(LAMBDA), z,
                numeric.literal(LAMBDA * ALPHA), numeric.math("expm1", z));
    }

    @Override
    CodeBlock gradient(String z, String h, String dh, Numeric numeric) {
        return CodeBlock.of("$L > $L ? $L * $L : ($L + $L) * $L", z, numeric.literal(0), numeric.literal(LAMBDA), dh,
                h, numeric.literal(LAMBDA * ALPHA), dh);
    }
}
