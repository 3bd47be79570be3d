package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Precision;
import dev.straightline.Sgd;

/** {@link Wide} trained with Nesterov momentum and an L2 penalty, in double precision: an optimizer with state on plain Java, the reference. */
@Network(inputs = 23, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64, l2 = 1e-3, precision = Precision.DOUBLE)
@Sgd(learningRate = 0.05, momentum = 0.9, nesterov = true)
public interface WideNesterovExact {
    @Dense(units = 37, activation = Activation.RELU)
    Layer first();

    @Dense(units = 19, activation = Activation.TANH)
    Layer second();

    @Dense(units = 4)
    Layer logits();
}
