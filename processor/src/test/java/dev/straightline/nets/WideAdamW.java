package dev.straightline.nets;

import dev.straightline.Activation;
import dev.straightline.AdamW;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;

/** {@link Wide} trained with AdamW: per-step scalars and two state arrays per parameter. */
@Network(inputs = 23, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 64)
@AdamW
public interface WideAdamW {
    @Dense(units = 37, activation = Activation.RELU)
    Layer first();

    @Dense(units = 19, activation = Activation.TANH)
    Layer second();

    @Dense(units = 4)
    Layer logits();
}
