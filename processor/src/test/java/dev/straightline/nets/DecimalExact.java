package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Precision;
import dev.straightline.Sgd;

/**
 * {@link Decimal} in double precision, which never takes the vector path: the reference for it.
 */
@Network(inputs = 23, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64, precision = Precision.DOUBLE)
@Sgd(learningRate = 0.05)
public interface DecimalExact {
    @Dense(units = 37, activation = Activation.RELU)
    Layer first();

    @Dense(units = 19, activation = Activation.TANH)
    Layer second();

    @Dense(units = 10)
    Layer logits();
}
