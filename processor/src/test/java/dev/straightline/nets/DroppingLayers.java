package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Dropout;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Precision;
import dev.straightline.Sgd;

/** {@link Dropping} with its dropout declared as {@code @Dropout} layers. */
@Network(inputs = 6, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 40, precision = Precision.DOUBLE, seed = 11)
@Sgd(learningRate = 0.1)
public interface DroppingLayers {
    @Dense(units = 40, activation = Activation.RELU)
    Layer hidden();

    @Dropout(0.5)
    Layer hiddenDropout();

    @Dense(units = 20, activation = Activation.TANH)
    Layer second();

    @Dropout(0.25)
    Layer secondDropout();

    @Dense(units = 3)
    Layer logits();
}
