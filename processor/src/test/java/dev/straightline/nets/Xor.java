package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/** The smallest network that computes XOR: two tanh units and a logistic output. */
@Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, maxBatch = 4)
@Sgd(learningRate = 0.5)
public interface Xor {
    @Dense(units = 2, activation = Activation.TANH)
    Layer hidden();

    @Dense(units = 1)
    Layer output();
}
