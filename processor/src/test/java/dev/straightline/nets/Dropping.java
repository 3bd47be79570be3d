package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Precision;
import dev.straightline.Sgd;

/** Dropout after two hidden layers, one with an activation whose derivative reads H (tanh), in double precision. */
@Network(inputs = 6, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 40, precision = Precision.DOUBLE, seed = 11)
@Sgd(learningRate = 0.1)
public interface Dropping {
    @Dense(units = 40, activation = Activation.RELU, dropout = 0.5)
    Layer hidden();

    @Dense(units = 20, activation = Activation.TANH, dropout = 0.25)
    Layer second();

    @Dense(units = 3)
    Layer logits();
}
