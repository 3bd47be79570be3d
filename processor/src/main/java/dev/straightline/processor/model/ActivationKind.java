package dev.straightline.processor.model;

/** Mirrors {@code dev.straightline.Activation}. */
public enum ActivationKind {
    IDENTITY,
    SIGMOID,
    TANH,
    RELU,
    LEAKY_RELU,
    ELU,
    SELU,
    SOFTPLUS,
    SOFTMAX,
    HEAVISIDE;

    /** Whether the activation takes the {@code alpha} attribute. */
    public boolean hasAlpha() {
        return this == LEAKY_RELU || this == ELU;
    }

    /** The alpha used when the user leaves it unset. */
    public double defaultAlpha() {
        return this == LEAKY_RELU ? 0.01 : 1.0;
    }

    /** Whether He initialisation suits it (the ReLU family). */
    public boolean rectifies() {
        return this == RELU || this == LEAKY_RELU || this == ELU || this == SELU;
    }
}
