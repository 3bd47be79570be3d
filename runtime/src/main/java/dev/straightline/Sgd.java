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
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Sgd {
    /** Step size; must be positive and finite. */
    double learningRate();
}
