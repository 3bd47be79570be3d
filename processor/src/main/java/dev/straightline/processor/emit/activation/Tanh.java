package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;

/** tanh z; tanh' z = 1 − tanh² z. */
final class Tanh extends Elementwise {
    @Override
    public String formula() {
        return "tanh(Z)";
    }

    @Override
    public String backwardFormula() {
        return "dZ = (1 − H²) ⊙ dH";
    }

    @Override
    CodeBlock value(String z, Numeric numeric) {
        return CodeBlock.of("$L", numeric.math("tanh", z));
    }

    @Override
    CodeBlock gradient(String z, String h, String dh, Numeric numeric) {
        return CodeBlock.of("$L", "(" + numeric.literal(1) + " - " + h + " * " + h + ") * " + dh);
    }
}
