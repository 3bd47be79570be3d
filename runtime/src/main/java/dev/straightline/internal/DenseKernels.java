package dev.straightline.internal;

/**
 * The dense-layer loops of float networks in an implementation the JIT cannot derive from plain
 * Java: register-blocked Vector API kernels. Rows are one array per sample ({@code in}, {@code z},
 * {@code dz}) or per input ({@code w}, {@code dw}), as generated networks lay them out.
 */
public interface DenseKernels {
    /**
     * Units per block of the kernels (two vectors of 16 floats, or four of 8): a range of units starts
     * on a multiple of it.
     */
    int UNIT_BLOCK = 32;

    /** Floats per vector of these kernels: 16 on a CPU with 512-bit vectors, else 8. */
    int lanes();

    /**
     * {@code z[s] = b + Σₖ in[s][k]·w[k]} for samples [from, to); a layer without bias passes zeros as
     * {@code b}. A sample's result does not depend on the range it is computed in, so any split of the
     * samples gives the same bits as one range.
     */
    default void forward(float[][] in, float[][] w, float[] b, float[][] z, int from, int to, int inputs, int units) {
        forward(in, w, b, z, from, to, inputs, units, 0, units);
    }

    /**
     * {@link #forward} for units [unitFrom, unitTo) of Z only; the other units are not touched. Inner
     * boundaries fall on multiples of {@link #UNIT_BLOCK} (see {@code Chunks}), so a unit's
     * result does not depend on the range either: two threads that each take their own units write
     * only their own columns and read only their own columns of W.
     */
    void forward(float[][] in, float[][] w, float[] b, float[][] z, int from, int to, int inputs, int units, int unitFrom,
            int unitTo);

    /**
     * {@code dx[s][k] = Σⱼ dz[s][j]·w[k][j]} for samples [from, to): the gradient a layer passes back to
     * its input, {@code dZ·Wᵀ}, as dot products with the rows of W. For the one to three samples of a
     * small batch, which would spend longer copying W into Wᵀ than on the products; larger batches take
     * {@link #forward} with that copy. {@code units} is the width of dz and of W's rows, {@code inputs}
     * that of dx.
     */
    void inputGradient(float[][] dz, float[][] w, float[][] dx, int from, int to, int units, int inputs);

    /**
     * The weight gradient {@code Σₛ in[s][k]·dz[s]}, s in [0, n), of rows k in [rowFrom, rowTo); a row's result does not depend on the range. With {@code update}, each row of
     * {@code w} takes the SGD step {@code w[k] −= rate·gradient} and {@code dw} is not written;
     * otherwise the gradient is stored in {@code dw}.
     * {@code scratch} is the calling thread's own, at least {@link #weightGradientScratch} long for the
     * network's largest batch.
     */
    default void weightGradient(float[][] in, float[][] dz, float[][] w, float[][] dw, int n, int rowFrom, int rowTo,
            int units, float rate, boolean update, float[] scratch) {
        weightGradient(in, dz, w, dw, n, rowFrom, rowTo, units, 0, units, rate, update, scratch);
    }

    /** {@link #weightGradient} for the columns [unitFrom, unitTo) of the rows, split as in the ranged {@link #forward}. */
    void weightGradient(float[][] in, float[][] dz, float[][] w, float[][] dw, int n, int rowFrom, int rowTo, int units,
            int unitFrom, int unitTo, float rate, boolean update, float[] scratch);

    /** The length of the scratch array {@link #weightGradient} needs for batches of up to {@code maxBatch}. */
    int weightGradientScratch(int maxBatch);

    /** Whether {@code x[from..to)} holds only finite values (no NaN, no infinity). */
    boolean allFinite(float[] x, int from, int to);
}
