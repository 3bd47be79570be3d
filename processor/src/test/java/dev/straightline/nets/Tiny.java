package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/** A 4-8-3 classifier, written as straight-line code. */
@Network(inputs = 4, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64, straightLine = true)
@Sgd(learningRate = 0.1)
public interface Tiny {
    @Dense(units = 8, activation = Activation.TANH)
    Layer hidden();

    @Dense(units = 3)
    Layer logits();
}
