package dev.straightline.benchmarks;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/** The benchmark network M2: 784 → 256 ReLU → 128 ReLU → 10, softmax cross-entropy, SGD. */
@Network(inputs = 784, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 128)
@Sgd(learningRate = 0.01)
public interface Mnist256x128 {
    @Dense(units = 256, activation = Activation.RELU)
    Layer hidden1();

    @Dense(units = 128, activation = Activation.RELU)
    Layer hidden2();

    @Dense(units = 10)
    Layer logits();
}
