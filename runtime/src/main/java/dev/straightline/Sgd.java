package dev.straightline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Minibatch stochastic gradient descent: after each batch, every parameter moves against the
 * gradient of the batch's mean loss, {@code θ ← θ − learningRate · ∇θ L}. The rate can be
 * changed at run time with {@code setLearningRate}.
 *
 * <p>With {@code momentum} μ &gt; 0 each parameter keeps a velocity {@code v ← μ·v + g} and moves by
 * {@code θ ← θ − learningRate · v} (the form PyTorch uses; with a constant rate it is the same as
 * {@code v ← μ·v − η·g, θ ← θ + v}). With {@code nesterov} the step looks ahead:
 * {@code θ ← θ − learningRate · (g + μ·v)}. The velocities are saved with the weights.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Sgd {
    /** Step size; must be positive and finite. */
    double learningRate();

    /** Momentum μ in [0, 1); 0 (the default) is plain SGD. */
    double momentum() default 0;

    /** Nesterov's look-ahead step; needs a momentum above 0. */
    boolean nesterov() default false;
}
