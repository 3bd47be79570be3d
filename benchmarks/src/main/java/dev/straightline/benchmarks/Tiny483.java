package dev.straightline.benchmarks;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/** A 4-8-3 network written as straight-line code, for {@link TinyBenchmark}. */
@Network(inputs = 4, loss = Loss.SOFTMAX_CROSS_ENTROPY, maxBatch = 256, straightLine = true)
@Sgd(learningRate = 0.05)
public interface Tiny483 {
    @Dense(units = 8, activation = Activation.TANH)
    Layer hidden();

    @Dense(units = 3)
    Layer output();
}
