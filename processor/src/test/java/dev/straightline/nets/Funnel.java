package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/**
 * A first layer narrower than its input (40 → 19 = 16 + 3): the forward pass checks the inputs
 * through the first layer's Z, 19 values per sample instead of 40.
 */
@Network(inputs = 40, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 32)
@Sgd(learningRate = 0.1)
public interface Funnel {
    @Dense(units = 19, activation = Activation.RELU)
    Layer squeeze();

    @Dense(units = 3)
    Layer logits();
}
