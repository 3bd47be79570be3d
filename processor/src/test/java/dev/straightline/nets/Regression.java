package dev.straightline.nets;

import dev.straightline.Dense;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Network;
import dev.straightline.Precision;
import dev.straightline.Sgd;

/** Linear regression in double precision: one identity layer under mean squared error. */
@Network(inputs = 3, loss = Loss.MEAN_SQUARED_ERROR, precision = Precision.DOUBLE, maxBatch = 32)
@Sgd(learningRate = 0.1)
public abstract class Regression {
    @Dense(units = 2)
    abstract Layer linear();
}
