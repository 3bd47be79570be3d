package dev.straightline.benchmarks;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/** A 2-16-1 network written as straight-line code, for {@link TinyBenchmark}. */
@Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, maxBatch = 256, straightLine = true)
@Sgd(learningRate = 0.05)
public interface Tiny2161 {
    @Dense(units = 16, activation = Activation.SIGMOID)
    Layer hidden();

    @Dense(units = 1)
    Layer output();
}
