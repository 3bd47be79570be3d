package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Precision;
import dev.straightline.Sgd;

/** {@link Dropping} without dropout: what it must predict with the same weights. */
@Network(inputs = 6, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 40, precision = Precision.DOUBLE, seed = 11)
@Sgd(learningRate = 0.1)
public interface NotDropping {
    @Dense(units = 40, activation = Activation.RELU)
    Layer hidden();

    @Dense(units = 20, activation = Activation.TANH)
    Layer second();

    @Dense(units = 3)
    Layer logits();
}
