package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;

/** Θ(z) = 1 if z ≥ 0, else 0 (seed 000, tutorial 3); its derivative is 0 wherever it exists. */
final class Heaviside extends Elementwise {
    @Override
    public String formula() {
        return "Θ(Z)";
    }

    @Override
    public String backwardFormula() {
        return "dZ = 0";
    }

    @Override
    CodeBlock value(String z, Numeric numeric) {
        return CodeBlock.of("$L", z + " >= " + numeric.literal(0) + " ? " + numeric.literal(1) + " : " + numeric.literal(0));
    }

    @Override
    CodeBlock gradient(String z, String h, String dh, Numeric numeric) {
        return CodeBlock.of("$L", numeric.literal(0));
    }
}
