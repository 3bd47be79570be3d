package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Adam;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;

/** Dropout in float precision with layers wide enough for the vector kernels, trained with Adam on a clipped gradient. */
@Network(inputs = 23, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64, gradientClipNorm = 0.5)
@Adam
public interface DroppingFloat {
    @Dense(units = 37, activation = Activation.RELU, dropout = 0.3)
    Layer first();

    @Dense(units = 19, activation = Activation.TANH, dropout = 0.2)
    Layer second();

    @Dense(units = 4)
    Layer logits();
}
