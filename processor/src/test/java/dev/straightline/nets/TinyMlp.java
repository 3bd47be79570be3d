package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

@Network(inputs = 5, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 8)
@Sgd(learningRate = 0.1)
public abstract class TinyMlp {
    @Dense(units = 6, activation = Activation.TANH)
    abstract Layer hidden();

    @Dense(units = 3)
    abstract Layer logits();
}
