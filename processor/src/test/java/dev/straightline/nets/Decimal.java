package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/**
 * Ten classes, as MNIST has: every layer that passes a gradient back is wide enough for the vector
 * kernels, so batches of fewer than four samples skip the copy of Wᵀ on that path (19 = 16 + 3 and
 * 37 = 4·9 + 1 leave tails in both directions).
 */
@Network(inputs = 23, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64)
@Sgd(learningRate = 0.05)
public interface Decimal {
    @Dense(units = 37, activation = Activation.RELU)
    Layer first();

    @Dense(units = 19, activation = Activation.TANH)
    Layer second();

    @Dense(units = 10)
    Layer logits();
}
