package dev.straightline.internal;

/**
 * How many floats the vector kernels take per vector: the CPU's widest vectors, 16 floats (512 bits,
 * AVX-512) or 8 (256 bits, AVX2), unless {@value #PROPERTY}{@code =256} narrows them.
 */
public final class VectorWidth {
    /** The system property that narrows the vectors to 256 bits on a CPU with 512-bit ones. */
    public static final String PROPERTY = "straightline.vectorBits";

    private VectorWidth() {}

    /**
     * Lanes for a CPU whose widest float vectors are {@code preferredBits} wide, given the value of
     * {@value #PROPERTY} ({@code null} when it is not set).
     *
     * @throws IllegalArgumentException when the property is set to anything but 256 or 512
     */
    public static int lanes(String property, int preferredBits) {
        if (property != null && !property.equals("256") && !property.equals("512")) {
            throw new IllegalArgumentException(PROPERTY + " must be 256 or 512, not '" + property + "'");
        }
        return preferredBits >= 512 && !"256".equals(property) ? 16 : 8;
    }
}
