package dev.straightline.nets;

import dev.straightline.Adam;
import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Precision;

/** Logistic regression on one feature: P(y = 1 | x) = σ(w·x + b). */
@Network(inputs = 1, loss = Loss.BINARY_CROSS_ENTROPY, maxBatch = 128, precision = Precision.DOUBLE)
@Adam(learningRate = 0.05)
public interface Logistic {
    @Dense(units = 1)
    Layer logit();
}
