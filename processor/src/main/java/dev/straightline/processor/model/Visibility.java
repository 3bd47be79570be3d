package dev.straightline.processor.model;

/** Access level of a user method that generated code overrides. */
public enum Visibility {
    PUBLIC,
    PROTECTED,
    PACKAGE
}
