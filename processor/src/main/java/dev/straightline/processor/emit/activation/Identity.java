package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;

/** g(z) = z: the layer's output is its pre-activation buffer, and nothing is written. */
final class Identity implements ActivationEmitter {
    @Override
    public String formula() {
        return "Z";
    }

    @Override
    public String backwardFormula() {
        return "dZ = dH";
    }

    @Override
    public boolean isIdentity() {
        return true;
    }

    @Override
    public CodeBlock forward(int units, Numeric numeric) {
        return CodeBlock.of("");
    }

    @Override
    public CodeBlock backward(int units, Numeric numeric) {
        return CodeBlock.of("");
    }
}
