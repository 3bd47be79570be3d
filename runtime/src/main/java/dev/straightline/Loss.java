package dev.straightline;

/** Losses a {@link Network} is trained with. Each is averaged over the samples of a batch. */
public enum Loss {
    /**
     * Half the squared error, {@code ½·Σₖ (ŷₖ − yₖ)²} per sample. Targets are real vectors as wide
     * as the output layer; {@code predict} returns the output layer as it is.
     */
    MEAN_SQUARED_ERROR,

    /**
     * Binary cross-entropy on logits: the output layer must have the identity activation; the
     * sigmoid is fused into the loss and computed stably. With several output units each is an
     * independent label (multi-label). Targets are in [0, 1]; {@code predict} returns
     * probabilities {@code σ(z)}.
     */
    BINARY_CROSS_ENTROPY,

    /**
     * Softmax cross-entropy on logits with integer class labels: the output layer must have the
     * identity activation and at least two units; the softmax is fused into the loss and computed
     * with the log-sum-exp shift. {@code predict} returns class probabilities.
     */
    SOFTMAX_CROSS_ENTROPY
}
