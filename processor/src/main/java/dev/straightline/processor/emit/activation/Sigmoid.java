package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;
import dev.straightline.processor.emit.RuntimeTypes;

/** σ(z) = 1 / (1 + e^−z); σ'(z) = σ(z)(1 − σ(z)). */
final class Sigmoid extends Elementwise {
    @Override
    public String formula() {
        return "sigmoid(Z)";
    }

    @Override
    public String backwardFormula() {
        return "dZ = H ⊙ (1 − H) ⊙ dH";
    }

    @Override
    CodeBlock value(String z, Numeric numeric) {
        return CodeBlock.of("$T.sigmoid($L)", RuntimeTypes.FUNCTIONS, z);
    }

    @Override
    CodeBlock gradient(String z, String h, String dh, Numeric numeric) {
        return CodeBlock.of("$L", h + " * (" + numeric.literal(1) + " - " + h + ") * " + dh);
    }
}
