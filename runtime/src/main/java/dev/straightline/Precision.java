package dev.straightline;

/** Arithmetic of a generated network. */
public enum Precision {
    /** 32-bit {@code float} parameters, activations and inputs. */
    FLOAT,
    /** 64-bit {@code double}; slower, used for gradient checks and precise work. */
    DOUBLE
}
