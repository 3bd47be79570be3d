package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;

/** z for z > 0, α(e^z − 1) otherwise; for z ≤ 0 the derivative α·e^z equals h + α. */
final class Elu extends Elementwise {
    private final double alpha;

    Elu(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public String formula() {
        return "elu(Z), α = " + alpha;
    }

    @Override
    public String backwardFormula() {
        return "dZ = (Z > 0 ? 1 : H + α) ⊙ dH";
    }

    @Override
    CodeBlock value(String z, Numeric numeric) {
        return CodeBlock.of("$L", z + " > " + numeric.literal(0) + " ? " + z + " : " + numeric.literal(alpha) + " * " + numeric.math("expm1", z));
    }

    @Override
    CodeBlock gradient(String z, String h, String dh, Numeric numeric) {
        return CodeBlock.of("$L", z + " > " + numeric.literal(0) + " ? " + dh + " : (" + h + " + " + numeric.literal(alpha) + ") * " + dh);
    }
}
