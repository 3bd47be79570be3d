package dev.straightline.nets;

import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Sgd;

/** {@link Regression} in float precision: the same architecture, so the two share weight files. */
@Network(inputs = 3, loss = Loss.MEAN_SQUARED_ERROR, maxBatch = 32)
@Sgd(learningRate = 0.1)
public abstract class RegressionSingle {
    @Dense(units = 2)
    abstract Layer linear();
}
