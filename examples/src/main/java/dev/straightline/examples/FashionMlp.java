package dev.straightline.examples;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Dropout;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Adam;

/**
 * A multilayer perceptron for 28×28 Fashion-MNIST images: 784 → 256 → 128 → 10, ReLU hidden
 * layers with 20 % dropout while training, softmax cross-entropy, Adam. Straightline generates
 * {@code FashionMlpNet} from it.
 */
@Network(inputs = 784, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 128)
@Adam(learningRate = 0.001)
public interface FashionMlp {
    @Dense(units = 256, activation = Activation.RELU)
    Layer hidden1();

    @Dropout(0.2)
    Layer dropout1();

    @Dense(units = 128, activation = Activation.RELU)
    Layer hidden2();

    @Dropout(0.2)
    Layer dropout2();

    @Dense(units = 10)
    Layer logits();
}
