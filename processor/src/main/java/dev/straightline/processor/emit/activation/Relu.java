package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;

/** max(0, z); derivative 1 for z > 0 and 0 otherwise (0 at the kink). */
final class Relu extends Elementwise {
    @Override
    public String formula() {
        return "relu(Z)";
    }

    @Override
    public String backwardFormula() {
        return "dZ = [Z > 0] ⊙ dH";
    }

    @Override
    CodeBlock value(String z, Numeric numeric) {
        return CodeBlock.of("$L", "Math.max(" + z + ", " + numeric.literal(0) + ")");
    }

    @Override
    CodeBlock gradient(String z, String h, String dh, Numeric numeric) {
        return CodeBlock.of("$L", z + " > " + numeric.literal(0) + " ? " + dh + " : " + numeric.literal(0));
    }
}
