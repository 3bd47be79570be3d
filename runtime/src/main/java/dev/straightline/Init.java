package dev.straightline;

/**
 * How a layer's weights are drawn (seed 000 §4.1). {@code fanIn} is the layer's input width and
 * {@code fanOut} its number of units. All draws come from one {@code SplittableRandom} seeded by
 * the network, so the same seed gives the same weights.
 */
public enum Init {
    /** {@link #HE} for ReLU, leaky ReLU, ELU and SELU layers, {@link #GLOROT_UNIFORM} otherwise. */
    AUTO,
    /** Uniform on ±√(6 / (fanIn + fanOut)). */
    GLOROT_UNIFORM,
    /** Normal with mean 0 and variance 2 / (fanIn + fanOut). */
    GLOROT_NORMAL,
    /** Normal with mean 0 and variance 2 / fanIn. */
    HE,
    /** Normal with mean 0 and variance 0.01 / fanIn. */
    SMALL_GAUSSIAN,
    /** All zeros; every unit then computes the same function (only useful before loading weights). */
    ZEROS
}
