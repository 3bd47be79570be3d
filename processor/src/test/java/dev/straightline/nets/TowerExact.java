package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Precision;
import dev.straightline.Sgd;

/** {@link Tower} in double precision: the reference for its vector path. */
@Network(inputs = 23, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64, precision = Precision.DOUBLE)
@Sgd(learningRate = 0.05)
public interface TowerExact {
    @Dense(units = 37, activation = Activation.RELU)
    Layer first();

    @Dense(units = 37, activation = Activation.TANH)
    Layer second();

    @Dense(units = 37, activation = Activation.TANH)
    Layer third();

    @Dense(units = 37, activation = Activation.TANH)
    Layer fourth();

    @Dense(units = 4)
    Layer logits();
}
