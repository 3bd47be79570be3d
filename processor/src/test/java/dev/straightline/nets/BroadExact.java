package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Precision;
import dev.straightline.Sgd;

/** {@link Broad} in double precision, which never takes the vector path: the reference for it. */
@Network(inputs = 23, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64, precision = Precision.DOUBLE)
@Sgd(learningRate = 0.05)
public interface BroadExact {
    @Dense(units = 300, activation = Activation.RELU)
    Layer hidden();

    @Dense(units = 4)
    Layer logits();
}
