package dev.straightline.processor.model;

/** Mirrors {@code dev.straightline.Loss}. */
public enum LossKind {
    MEAN_SQUARED_ERROR,
    BINARY_CROSS_ENTROPY,
    SOFTMAX_CROSS_ENTROPY
}
