package dev.straightline.runtime;

import java.io.IOException;

/** A weight file that cannot be loaded: not a weight file, truncated, corrupt, or of another architecture. */
public final class WeightFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public WeightFileException(String message) {
        super(message);
    }
}
