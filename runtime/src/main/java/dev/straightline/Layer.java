package dev.straightline;

/**
 * A layer of a generated network, as returned by the abstract layer methods of a
 * {@link Network} type. It is a live view: reading or writing its tensors reads or writes the
 * network's own parameters.
 */
public interface Layer {
    /** The layer's name: the name of the method that declares it. */
    String name();

    /** Width of the layer's input. */
    int inputs();

    /** Number of units (width of the output). */
    int units();

    /** The activation applied to the layer's output. */
    Activation activation();

    /** The weights, shape {@code [inputs, units]}. */
    Tensor weights();

    /**
     * The gradient of the loss with respect to {@link #weights()}, as left by the last
     * {@code computeGradients}. A training step fuses the update into the gradient pass and need
     * not write this tensor.
     */
    Tensor weightGradient();

    /** Whether the layer was declared with a bias. */
    boolean hasBias();

    /**
     * The bias, shape {@code [units]}.
     *
     * @throws IllegalStateException if the layer was declared with {@code bias = false}
     */
    Tensor bias();

    /**
     * The gradient of the loss with respect to {@link #bias()}, as left by the last gradient computation.
     *
     * @throws IllegalStateException if the layer was declared with {@code bias = false}
     */
    Tensor biasGradient();
}
