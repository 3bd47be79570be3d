package dev.straightline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, 2019): each step first shrinks every
 * weight, {@code W ← W − learningRate · weightDecay · W}, then takes the {@link Adam} step. The decay
 * is not part of the gradient, so the running means see only the loss; biases are not decayed.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AdamW {
    /** Step size; must be positive and finite. */
    double learningRate() default 0.001;

    /** Decay of the mean of the gradient, in [0, 1). */
    double beta1() default 0.9;

    /** Decay of the mean of the squared gradient, in [0, 1). */
    double beta2() default 0.999;

    /** Added to √v̂; positive. */
    double epsilon() default 1e-8;

    /** Decay rate λ of the weights per unit of learning rate; at least 0. */
    double weightDecay() default 0.01;
}
