package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Precision;
import dev.straightline.Sgd;

/** {@link Tower}'s shape with momentum and a clipped gradient, whose weight updates are kernels of their own. */
@Network(inputs = 23, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64, precision = Precision.DOUBLE, gradientClipNorm = 0.5)
@Sgd(learningRate = 0.1, momentum = 0.9)
public interface TowerClippedExact {
    @Dense(units = 37, activation = Activation.RELU)
    Layer first();

    @Dense(units = 37, activation = Activation.TANH)
    Layer second();

    @Dense(units = 37, activation = Activation.TANH)
    Layer third();

    @Dense(units = 37, activation = Activation.TANH)
    Layer fourth();

    @Dense(units = 4)
    Layer logits();
}
