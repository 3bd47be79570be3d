package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;
import dev.straightline.processor.model.Activation;

/**
 * Writes one activation's forward and backward code for one sample's row. The forward reads row
 * {@code z} and writes row {@code h}; the backward reads {@code z}, {@code h} and {@code dh} and
 * writes {@code dz} ({@code dz = g'(z) ⊙ dh}, or the softmax Jacobian product). All rows are
 * {@code units} wide.
 */
public interface ActivationEmitter {
    /** The forward rule for the method comment, such as {@code relu(Z)}. */
    String formula();

    /** The backward rule for the method comment, such as {@code dZ = [Z > 0] ⊙ dH}. */
    String backwardFormula();

    /** Whether {@code g} is the identity: then {@code H} is {@code Z} and {@code dZ} is {@code dH}, and no code is written. */
    default boolean isIdentity() {
        return false;
    }

    CodeBlock forward(int units, Numeric numeric);

    CodeBlock backward(int units, Numeric numeric);

    /** The emitter of an activation. */
    static ActivationEmitter of(Activation activation) {
        double alpha = activation.alpha();
        switch (activation.kind()) {
            case IDENTITY: return new Identity();
            case SIGMOID: return new Sigmoid();
            case TANH: return new Tanh();
            case RELU: return new Relu();
            case LEAKY_RELU: return new LeakyRelu(alpha);
            case ELU: return new Elu(alpha);
            case SELU: return new Selu();
            case SOFTPLUS: return new Softplus();
            case SOFTMAX: return new Softmax();
            case HEAVISIDE: return new Heaviside();
            default: throw new IllegalArgumentException("no emitter for " + activation);
        }
    }
}
