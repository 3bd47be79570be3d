package dev.straightline.processor.model;

/** Mirrors {@code dev.straightline.Precision}. */
public enum PrecisionKind {
    FLOAT,
    DOUBLE
}
