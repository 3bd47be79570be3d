package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;

/** z for z > 0, α·z otherwise; derivative 1 or α. */
final class LeakyRelu extends Elementwise {
    private final double alpha;

    LeakyRelu(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public String formula() {
        return "leakyRelu(Z), α = " + alpha;
    }

    @Override
    public String backwardFormula() {
        return "dZ = (Z > 0 ? 1 : α) ⊙ dH";
    }

    @Override
    CodeBlock value(String z, Numeric numeric) {
        return CodeBlock.of("$L", z + " > " + numeric.literal(0) + " ? " + z + " : " + numeric.literal(alpha) + " * " + z);
    }

    @Override
    CodeBlock gradient(String z, String h, String dh, Numeric numeric) {
        return CodeBlock.of("$L", z + " > " + numeric.literal(0) + " ? " + dh + " : " + numeric.literal(alpha) + " * " + dh);
    }
}
