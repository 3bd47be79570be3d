package dev.straightline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a dropout layer: inverted dropout on the output of the layer declared just before it
 * (Srivastava et al., 2014). While training, each output is kept with probability 1 − rate and
 * scaled by 1/(1 − rate), or set to 0, independently per sample and step; prediction and loss
 * evaluation pass every output through unchanged, so {@code predict} is deterministic.
 * <pre>
 * &#64;Dense(units = 256, activation = Activation.RELU) Layer hidden();
 * &#64;Dropout(0.2) Layer hiddenDropout();
 * </pre>
 * The same as {@code @Dense(..., dropout = 0.2)} on the layer before. It has no parameters: its
 * {@code Layer} view has no weights, and {@code layers()} lists only the dense layers.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Dropout {
    /** The probability of dropping each output, in (0, 1). */
    double value();
}
