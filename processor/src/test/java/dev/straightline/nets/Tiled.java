package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/**
 * A layer wide enough that a batch of 64 spans several sample tiles (300 floats a row: tiles of 12),
 * for the tests that split steps between two threads; 41 inputs leave a tail of rows.
 */
@Network(inputs = 41, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64, seed = 3)
@Sgd(learningRate = 0.05)
public interface Tiled {
    @Dense(units = 300, activation = Activation.RELU)
    Layer wide();

    @Dense(units = 12, activation = Activation.TANH)
    Layer narrow();

    @Dense(units = 5)
    Layer logits();
}
