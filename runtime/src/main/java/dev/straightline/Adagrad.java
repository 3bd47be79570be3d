package dev.straightline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adagrad (Duchi et al., 2011): each parameter keeps the sum of its squared gradients
 * {@code G ← G + g²} and moves by {@code θ ← θ − learningRate · g / (√G + epsilon)}, so parameters
 * with large past gradients take smaller steps. The sums are saved with the weights.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Adagrad {
    /** Step size; must be positive and finite. */
    double learningRate() default 0.01;

    /** Added to the root of the sum, so that a parameter with no gradient yet does not divide by zero; positive. */
    double epsilon() default 1e-10;
}
