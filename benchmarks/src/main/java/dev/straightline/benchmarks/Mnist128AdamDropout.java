package dev.straightline.benchmarks;

import dev.straightline.Activation;
import dev.straightline.Adam;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;

/** M1 trained the way the example trains: Adam, and dropout 0.2 on the hidden layer. */
@Network(inputs = 784, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 128)
@Adam
public interface Mnist128AdamDropout {
    @Dense(units = 128, activation = Activation.RELU, dropout = 0.2)
    Layer hidden();

    @Dense(units = 10)
    Layer logits();
}
