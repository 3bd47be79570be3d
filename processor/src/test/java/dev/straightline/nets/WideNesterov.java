package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Precision;
import dev.straightline.Sgd;

/** {@link Wide} trained with Nesterov momentum and an L2 penalty, in float precision: an optimizer with state on the vector path when it is enabled. */
@Network(inputs = 23, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64, l2 = 1e-3, precision = Precision.FLOAT)
@Sgd(learningRate = 0.05, momentum = 0.9, nesterov = true)
public interface WideNesterov {
    @Dense(units = 37, activation = Activation.RELU)
    Layer first();

    @Dense(units = 19, activation = Activation.TANH)
    Layer second();

    @Dense(units = 4)
    Layer logits();
}
