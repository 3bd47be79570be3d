package dev.straightline.runtime;

/**
 * A training step produced a loss or gradient that is NaN or infinite. The step that threw did not
 * change the network's parameters.
 */
public final class NonFiniteException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** Thrown by a generated network; {@code what} names the quantity, e.g. "loss" or "gradient of layer hidden". */
    public NonFiniteException(String what) {
        super(what);
    }

    /** Adds where in training it happened (epoch and batch), keeping the original as the cause. */
    public NonFiniteException(String where, NonFiniteException cause) {
        super(where + ": " + cause.getMessage());
        initCause(cause);
    }
}
