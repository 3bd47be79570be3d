package dev.straightline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * RMSprop (Hinton): each parameter keeps a running mean of its squared gradients
 * {@code s ← rho·s + (1 − rho)·g²} and moves by {@code θ ← θ − learningRate · g / (√s + epsilon)}.
 * The running means are saved with the weights.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RmsProp {
    /** Step size; must be positive and finite. */
    double learningRate() default 0.001;

    /** Decay of the running mean, in [0, 1). */
    double rho() default 0.9;

    /** Added to the root of the running mean; positive. */
    double epsilon() default 1e-8;
}
