package dev.straightline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer, {@code h = g(x·W + b)}, declared as an abstract method of a
 * {@link Network} type that takes no arguments and returns {@link Layer}. The method's name is
 * the layer's name. Its weights have shape {@code [inputs, units]}: row {@code k} holds the
 * weights from input {@code k} to every unit.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Dense {
    /** Number of units (outputs) of the layer. */
    int units();

    /** The activation {@code g} applied to {@code x·W + b}. */
    Activation activation() default Activation.IDENTITY;

    /**
     * The slope parameter of {@link Activation#LEAKY_RELU} (default 0.01) and
     * {@link Activation#ELU} (default 1.0). Left unset for every other activation.
     */
    double alpha() default Double.NaN;

    /** How the weights are drawn. Biases always start at zero. */
    Init init() default Init.AUTO;

    /** Whether the layer has a bias vector {@code b}. */
    boolean bias() default true;

    /**
     * Inverted dropout on this layer's output while training (Srivastava et al., 2014): each step,
     * each output is kept with probability 1 − dropout and scaled by 1/(1 − dropout), or set to 0,
     * independently per sample. Prediction and loss evaluation use every output, unscaled, so
     * {@code predict} is deterministic. In [0, 1); 0 (the default) is no dropout. Not on the output layer.
     */
    double dropout() default 0;
}
