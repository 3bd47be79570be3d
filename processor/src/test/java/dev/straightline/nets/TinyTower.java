package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Precision;
import dev.straightline.Sgd;

/** Tiny layers of one shape (5 → 5 tanh), written straight-line, which share their kernels. */
@Network(inputs = 3, loss = Loss.MEAN_SQUARED_ERROR, maxBatch = 16, precision = Precision.DOUBLE)
@Sgd(learningRate = 0.05)
public interface TinyTower {
    @Dense(units = 5, activation = Activation.TANH)
    Layer first();

    @Dense(units = 5, activation = Activation.TANH)
    Layer second();

    @Dense(units = 5, activation = Activation.TANH)
    Layer third();

    @Dense(units = 2)
    Layer output();
}
