package dev.straightline.benchmarks;

import dev.straightline.Activation;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/** A 2-16-1 network kept as loops, for {@link TinyBenchmark}. */
@Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, maxBatch = 256, straightLine = false)
@Sgd(learningRate = 0.05)
public interface Tiny2161Loops {
    @Dense(units = 16, activation = Activation.SIGMOID)
    Layer hidden();

    @Dense(units = 1)
    Layer output();
}
