package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;
import dev.straightline.processor.emit.RuntimeTypes;

/** ln(1 + e^z); its derivative is σ(z). */
final class Softplus extends Elementwise {
    @Override
    public String formula() {
        return "softplus(Z)";
    }

    @Override
    public String backwardFormula() {
        return "dZ = sigmoid(Z) ⊙ dH";
    }

    @Override
    CodeBlock value(String z, Numeric numeric) {
        return CodeBlock.of("$T.softplus($L)", RuntimeTypes.FUNCTIONS, z);
    }

    @Override
    CodeBlock gradient(String z, String h, String dh, Numeric numeric) {
        return CodeBlock.of("$T.sigmoid($L) * $L", RuntimeTypes.FUNCTIONS, z, dh);
    }
}
