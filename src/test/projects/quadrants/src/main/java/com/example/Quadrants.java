package com.example;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/** Which quadrant of the plane a point lies in: 0 (+,+), 1 (−,+), 2 (−,−) or 3 (+,−). */
@Network(inputs = 2, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 50)
@Sgd(learningRate = 0.3)
public abstract class Quadrants {
    @Dense(units = 16, activation = Activation.TANH)
    abstract Layer hidden();

    @Dense(units = 4)
    abstract Layer logits();
}
