package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/**
 * The classifier {@code y = 1 if x2 ≥ |x1|} of seed 000's tutorial (question 3), built from
 * threshold units whose weights are set by hand.
 */
@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR)
@Sgd(learningRate = 0.1)
@SuppressWarnings("HeavisideCannotLearn")
public abstract class Wedge {
    /** h1 = Θ(x2 − x1), h2 = Θ(x2 + x1). */
    @Dense(units = 2, activation = Activation.HEAVISIDE, init = dev.straightline.Init.ZEROS)
    abstract Layer halfPlanes();

    /** The AND of both half-planes: Θ(0.5·h1 + 0.5·h2 − 0.6). */
    @Dense(units = 1, activation = Activation.HEAVISIDE, init = dev.straightline.Init.ZEROS)
    abstract Layer both();
}
