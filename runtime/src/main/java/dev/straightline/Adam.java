package dev.straightline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adam (Kingma and Ba, 2015): running means of the gradient and of its square,
 * {@code m ← beta1·m + (1 − beta1)·g}, {@code v ← beta2·v + (1 − beta2)·g²}, corrected for their
 * start at zero after t steps, {@code m̂ = m / (1 − beta1^t)}, {@code v̂ = v / (1 − beta2^t)}, and the
 * step {@code θ ← θ − learningRate · m̂ / (√v̂ + epsilon)}. The means and beta1^t, beta2^t are
 * saved with the weights.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Adam {
    /** Step size; must be positive and finite. */
    double learningRate() default 0.001;

    /** Decay of the mean of the gradient, in [0, 1). */
    double beta1() default 0.9;

    /** Decay of the mean of the squared gradient, in [0, 1). */
    double beta2() default 0.999;

    /** Added to √v̂; positive. */
    double epsilon() default 1e-8;
}
