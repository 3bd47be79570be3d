package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/** Layers wide enough for the vector kernels, with widths that leave tails (37 = 2·16 + 5, 19 = 16 + 3). */
@Network(inputs = 23, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64)
@Sgd(learningRate = 0.05)
public interface Wide {
    @Dense(units = 37, activation = Activation.RELU)
    Layer first();

    @Dense(units = 19, activation = Activation.TANH)
    Layer second();

    @Dense(units = 4)
    Layer logits();
}
