package dev.straightline.internal;

/**
 * The dense-layer loops of float networks in an implementation the JIT cannot derive from plain
 * Java: register-blocked Vector API kernels. Rows are one array per sample ({@code in}, {@code z},
 * {@code dz}) or per input ({@code w}, {@code dw}), as generated networks lay them out.
 */
public interface DenseKernels {
    /**
     * {@code z[s] = b + Σₖ in[s][k]·w[k]} for samples [from, to); a layer without bias passes zeros as
     * {@code b}. A sample's result does not depend on the range it is computed in, so any split of the
     * samples gives the same bits as one range.
     */
    void forward(float[][] in, float[][] w, float[] b, float[][] z, int from, int to, int inputs, int units);

    /**
     * The weight gradient {@code Σₛ in[s][k]·dz[s]}, s in [0, n), of rows k in [rowFrom, rowTo); a row's result does not depend on the range. With {@code update}, each row of
     * {@code w} takes the SGD step {@code w[k] −= rate·gradient} and {@code dw} is not written;
     * otherwise the gradient is stored in {@code dw}.
     * {@code scratch} is the calling thread's own, at least {@link #weightGradientScratch} long for the
     * network's largest batch.
     */
    void weightGradient(float[][] in, float[][] dz, float[][] w, float[][] dw, int n, int rowFrom, int rowTo, int units,
            float rate, boolean update, float[] scratch);

    /** The length of the scratch array {@link #weightGradient} needs for batches of up to {@code maxBatch}. */
    int weightGradientScratch(int maxBatch);

    /** Whether {@code x[from..to)} holds only finite values (no NaN, no infinity). */
    boolean allFinite(float[] x, int from, int to);
}
