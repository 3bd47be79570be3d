package dev.straightline.processor.model;

/** Mirrors {@code dev.straightline.Init}. */
public enum InitKind {
    AUTO,
    GLOROT_UNIFORM,
    GLOROT_NORMAL,
    HE,
    SMALL_GAUSSIAN,
    ZEROS
}
