package dev.straightline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an abstract class or interface that describes a feed-forward network. Straightline's
 * annotation processor writes a final class for it, named after the annotated type with the
 * suffix {@code Net} ({@code FashionMlp} becomes {@code FashionMlpNet}; a nested type
 * {@code Outer.Inner} becomes {@code Outer_InnerNet}), in the same package.
 *
 * <p>The layers are the type's abstract methods annotated with {@link Dense}, applied in the
 * order they are declared. Each returns {@link Layer}; the generated class implements them, so
 * {@code net.hidden().weights()} reads the parameters of the layer declared as
 * {@code abstract Layer hidden()}.
 *
 * <pre>{@code
 * @Network(inputs = 784, loss = Loss.SOFTMAX_CROSS_ENTROPY)
 * @Sgd(learningRate = 0.1)
 * public abstract class FashionMlp {
 *     @Dense(units = 256, activation = Activation.RELU) abstract Layer hidden();
 *     @Dense(units = 10) abstract Layer logits();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {
    /** Width of one input sample. */
    int inputs();

    /** The loss the network is trained with; it also decides what {@code predict} returns. */
    Loss loss();

    /**
     * The largest number of samples one {@code trainBatch} call may take. Activation buffers are
     * allocated once for this many samples. Batched {@code predict} takes any number of samples.
     */
    int maxBatch() default 256;

    /** Arithmetic of the generated code: {@code float} arrays, or {@code double} arrays. */
    Precision precision() default Precision.FLOAT;

    /** Seed of the weight initialisation used by the generated no-argument constructor. */
    long seed() default 42L;

    /**
     * Whether tiny layers (at most 128 weights, no dimension above 16) are written as straight-line
     * code, with the weights in local variables, instead of loops. Faster for such layers; set false
     * to keep loops everywhere.
     */
    boolean straightLine() default true;

    /**
     * Clips the gradient by its global norm before each update: when ‖g‖ (over every weight and
     * bias) exceeds this, the whole gradient is scaled to this norm, keeping its direction. 0 (the
     * default) never clips. The gradient tensors after {@code computeGradients} stay unclipped.
     */
    double gradientClipNorm() default 0;

    /**
     * L2 penalty λ (seed 001's regularised gradient): the objective is the data loss plus
     * λ·‖W‖² over every layer's weights, not the biases, so each step adds 2λ·W to the weights'
     * gradient. The losses the network returns are the data loss; {@code penalty()} is λ·‖W‖².
     * At least 0; 0 (the default) is no penalty.
     */
    double l2() default 0;
}
