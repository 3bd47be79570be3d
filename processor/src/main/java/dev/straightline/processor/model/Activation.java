package dev.straightline.processor.model;

/** An activation and its parameter; {@code alpha} is {@code NaN} for activations without one. */
public record Activation(ActivationKind kind, double alpha) {
    public static Activation of(ActivationKind kind) {
        return new Activation(kind, kind.hasAlpha() ? kind.defaultAlpha() : Double.NaN);
    }

    /** The form used in architecture descriptions, such as {@code RELU} or {@code LEAKY_RELU(0.01)}. */
    public String describe() {
        return kind.hasAlpha() ? kind + "(" + alpha + ")" : kind.name();
    }
}
