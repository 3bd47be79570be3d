package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/**
 * A layer wide enough for the single-sample kernel's passes of 128 units, with a tail past them
 * (300 = 2·128 + 32 + 12).
 */
@Network(inputs = 23, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64)
@Sgd(learningRate = 0.05)
public interface Broad {
    @Dense(units = 300, activation = Activation.RELU)
    Layer hidden();

    @Dense(units = 4)
    Layer logits();
}
