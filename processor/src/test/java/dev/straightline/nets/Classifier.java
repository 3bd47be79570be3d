package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/** A small softmax classifier, with a layer without bias, used to test the runtime around a network. */
@Network(inputs = 4, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 32, seed = 7)
@Sgd(learningRate = 0.2)
public abstract class Classifier {
    @Dense(units = 16, activation = Activation.RELU)
    abstract Layer hidden();

    @Dense(units = 8, activation = Activation.ELU, bias = false)
    abstract Layer narrow();

    @Dense(units = 3)
    public abstract Layer logits();
}
