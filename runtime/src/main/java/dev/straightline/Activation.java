package dev.straightline;

/** Activation functions, each with its exact derivative (seed 000 §1.2, seed 003). */
public enum Activation {
    /** {@code g(z) = z}. */
    IDENTITY,
    /** {@code g(z) = 1 / (1 + e^−z)}. */
    SIGMOID,
    /** {@code g(z) = tanh z}. */
    TANH,
    /** {@code g(z) = max(0, z)}; the derivative at 0 is taken as 0. */
    RELU,
    /** {@code g(z) = z} for {@code z > 0}, {@code α·z} otherwise; α from {@link Dense#alpha()}, default 0.01. */
    LEAKY_RELU,
    /** {@code g(z) = z} for {@code z > 0}, {@code α·(e^z − 1)} otherwise; α default 1. */
    ELU,
    /** Scaled ELU with λ = 1.0507009873554805 and α = 1.6732632423543772. */
    SELU,
    /** {@code g(z) = ln(1 + e^z)}, computed without overflow. */
    SOFTPLUS,
    /** {@code g(z)ᵢ = e^zᵢ / Σⱼ e^zⱼ} over the layer's units, computed with the max shift. */
    SOFTMAX,
    /**
     * Threshold unit {@code Θ(z) = 1} if {@code z ≥ 0}, else 0. Its derivative is 0 everywhere, so a
     * network trained through it cannot learn; the processor warns. Useful for hand-set weights.
     */
    HEAVISIDE
}
