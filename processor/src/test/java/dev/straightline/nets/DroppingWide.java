package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Adam;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;

/** Dropout on a float first layer that two threads split by units on the vector path (48 units; no clipping, so Adam's update is fused into the gradient). */
@Network(inputs = 23, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64)
@Adam
public interface DroppingWide {
    @Dense(units = 48, activation = Activation.RELU, dropout = 0.3)
    Layer first();

    @Dense(units = 19, activation = Activation.TANH, dropout = 0.2)
    Layer second();

    @Dense(units = 4)
    Layer logits();
}
