package dev.straightline.internal.vector;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorKernels} for layers narrower than two vectors (fewer than 32 units with 16-lane vectors,
 * 16 with 8-lane ones, but not exactly one vector), such as a 10-class output layer, where vectors
 * along the units would fill one vector and a fraction of another. Every unit is still an FMA chain
 * in order, so the bits do not depend on the block or the range, as in {@link VectorKernels}.
 * <p>These kernels take the same vectors as {@link VectorKernels}: a JVM that computed on vectors of
 * two sizes would see both classes at the Vector API's shared call sites, and C2 would then box every
 * vector that passes through them (M1's first layer allocated 600 KB per call).
 */
final class NarrowKernels {
    private static final VectorSpecies<Float> S = VectorKernels.S;
    static final int L = VectorKernels.L;
    /**
     * Batches from this size take {@link #weightGradient} for layers narrower than two vectors: 128 → 10 at
     * batch 128 in 13 µs instead of 25–37, at 32 in 6.0 instead of 6.7; at 8 samples the scattered
     * stores of dW's columns outweigh the FMAs (3.1–6.6 µs against 2.5–3.7; 8-lane vectors).
     */
    static final int MIN_BATCH = 16;
    /**
     * Each thread's copy of W for a layer narrower than one vector, each row padded to a whole vector,
     * then its bias and one sample's row of Z, padded alike; grown, never shrunk.
     */
    private static final ThreadLocal<float[][]> PADDED = ThreadLocal.withInitial(() -> new float[1][0]);

    /** Each thread's eight vectors of sums on their way from the registers to dW's rows. */
    private static final ThreadLocal<float[]> SUMS = ThreadLocal.withInitial(() -> new float[8 * L]);

    private NarrowKernels() {}

    /**
     * The forward pass of a layer narrower than two vectors, such as a 10-class output layer: with more
     * units than one vector, two vectors per sample, the second one ending at the last unit and
     * overlapping the first. The units where they overlap are summed alike in both, from the same bias
     * in the same order, so either store leaves the same bits there (no mask: with 512-bit vectors,
     * JDK 17's masks allocated). Six samples at a time (twelve accumulators), then four, then one,
     * every unit summed over the inputs in order with FMAs, whatever the block. A layer narrower than one vector reads W from a copy padded to whole vectors.
     */
    static void forward(float[][] in, float[][] w, float[] b, float[][] z, int from, int to, int inputs,
            int units) {
        if (units < L) {
            forwardPadded(in, w, b, z, from, to, inputs, units);
            return;
        }
        int second = units - L;
        for (int s = from; s < to; s++) {
            System.arraycopy(b, 0, z[s], 0, units);
        }
        int s = from;
        for (int sixes = VectorKernels.blocksOfSix(to - from); sixes > 0; sixes--, s += 6) {
            forward6(in, w, z, s, second, inputs);
        }
        for (; s + 3 < to; s += 4) {
            forward4(in, w, z, s, second, inputs);
        }
        for (; s < to; s++) {
            forward1(in[s], w, z[s], second, inputs);
        }
    }

    /**
     * A layer narrower than one vector: W copied into rows of one whole vector each, so that every row
     * is one load, zeros past the last unit (no lane is ever added to another, so they only keep
     * stale values, which could be slow denormals, out of the FMAs); each sample's sums leave through a
     * padded row, of which the first {@code units} values are copied to Z. Four samples at a time,
     * then one; the FMAs and their order are those of the other kernels.
     */
    private static void forwardPadded(float[][] in, float[][] w, float[] b, float[][] z, int from, int to, int inputs,
            int units) {
        float[] padded = paddedScratch(inputs);
        for (int k = 0; k < inputs; k++) {
            System.arraycopy(w[k], 0, padded, k * L, units);
            Arrays.fill(padded, k * L + units, (k + 1) * L, 0f);
        }
        int bias = inputs * L;
        int row = bias + L;
        System.arraycopy(b, 0, padded, bias, units);
        Arrays.fill(padded, bias + units, row, 0f);
        int s = from;
        for (; s + 3 < to; s += 4) {
            float[] x0 = in[s], x1 = in[s + 1], x2 = in[s + 2], x3 = in[s + 3];
            FloatVector a0 = FloatVector.fromArray(S, padded, bias), a1 = a0, a2 = a0, a3 = a0;
            for (int k = 0, o = 0; k < inputs; k++, o += L) {
                FloatVector wk = FloatVector.fromArray(S, padded, o);
                a0 = wk.fma(FloatVector.broadcast(S, x0[k]), a0);
                a1 = wk.fma(FloatVector.broadcast(S, x1[k]), a1);
                a2 = wk.fma(FloatVector.broadcast(S, x2[k]), a2);
                a3 = wk.fma(FloatVector.broadcast(S, x3[k]), a3);
            }
            a0.intoArray(padded, row);
            System.arraycopy(padded, row, z[s], 0, units);
            a1.intoArray(padded, row);
            System.arraycopy(padded, row, z[s + 1], 0, units);
            a2.intoArray(padded, row);
            System.arraycopy(padded, row, z[s + 2], 0, units);
            a3.intoArray(padded, row);
            System.arraycopy(padded, row, z[s + 3], 0, units);
        }
        for (; s < to; s++) {
            float[] x = in[s];
            FloatVector a = FloatVector.fromArray(S, padded, bias);
            for (int k = 0, o = 0; k < inputs; k++, o += L) {
                a = FloatVector.fromArray(S, padded, o).fma(FloatVector.broadcast(S, x[k]), a);
            }
            a.intoArray(padded, row);
            System.arraycopy(padded, row, z[s], 0, units);
        }
    }

    /** This thread's padded copy: a vector for each of the inputs' rows, the bias and one row of Z. */
    private static float[] paddedScratch(int inputs) {
        float[][] holder = PADDED.get();
        int size = (inputs + 2) * L;
        if (holder[0].length < size) {
            holder[0] = new float[size];
        }
        return holder[0];
    }

    /** Six samples of a narrow layer. */
    private static void forward6(float[][] in, float[][] w, float[][] z, int s, int second, int inputs) {
        float[] i0 = in[s], i1 = in[s + 1], i2 = in[s + 2], i3 = in[s + 3], i4 = in[s + 4], i5 = in[s + 5];
        float[] z0 = z[s], z1 = z[s + 1], z2 = z[s + 2], z3 = z[s + 3], z4 = z[s + 4], z5 = z[s + 5];
        FloatVector a00 = FloatVector.fromArray(S, z0, 0), a01 = FloatVector.fromArray(S, z0, second);
        FloatVector a10 = FloatVector.fromArray(S, z1, 0), a11 = FloatVector.fromArray(S, z1, second);
        FloatVector a20 = FloatVector.fromArray(S, z2, 0), a21 = FloatVector.fromArray(S, z2, second);
        FloatVector a30 = FloatVector.fromArray(S, z3, 0), a31 = FloatVector.fromArray(S, z3, second);
        FloatVector a40 = FloatVector.fromArray(S, z4, 0), a41 = FloatVector.fromArray(S, z4, second);
        FloatVector a50 = FloatVector.fromArray(S, z5, 0), a51 = FloatVector.fromArray(S, z5, second);
        for (int k = 0; k < inputs; k++) {
            float[] wk = w[k];
            FloatVector w0 = FloatVector.fromArray(S, wk, 0);
            FloatVector w1 = FloatVector.fromArray(S, wk, second);
            FloatVector x = FloatVector.broadcast(S, i0[k]);
            a00 = w0.fma(x, a00);
            a01 = w1.fma(x, a01);
            x = FloatVector.broadcast(S, i1[k]);
            a10 = w0.fma(x, a10);
            a11 = w1.fma(x, a11);
            x = FloatVector.broadcast(S, i2[k]);
            a20 = w0.fma(x, a20);
            a21 = w1.fma(x, a21);
            x = FloatVector.broadcast(S, i3[k]);
            a30 = w0.fma(x, a30);
            a31 = w1.fma(x, a31);
            x = FloatVector.broadcast(S, i4[k]);
            a40 = w0.fma(x, a40);
            a41 = w1.fma(x, a41);
            x = FloatVector.broadcast(S, i5[k]);
            a50 = w0.fma(x, a50);
            a51 = w1.fma(x, a51);
        }
        a00.intoArray(z0, 0);
        a01.intoArray(z0, second);
        a10.intoArray(z1, 0);
        a11.intoArray(z1, second);
        a20.intoArray(z2, 0);
        a21.intoArray(z2, second);
        a30.intoArray(z3, 0);
        a31.intoArray(z3, second);
        a40.intoArray(z4, 0);
        a41.intoArray(z4, second);
        a50.intoArray(z5, 0);
        a51.intoArray(z5, second);
    }

    /** Four samples of a narrow layer. */
    private static void forward4(float[][] in, float[][] w, float[][] z, int s, int second, int inputs) {
        float[] i0 = in[s], i1 = in[s + 1], i2 = in[s + 2], i3 = in[s + 3];
        float[] z0 = z[s], z1 = z[s + 1], z2 = z[s + 2], z3 = z[s + 3];
        FloatVector a00 = FloatVector.fromArray(S, z0, 0), a01 = FloatVector.fromArray(S, z0, second);
        FloatVector a10 = FloatVector.fromArray(S, z1, 0), a11 = FloatVector.fromArray(S, z1, second);
        FloatVector a20 = FloatVector.fromArray(S, z2, 0), a21 = FloatVector.fromArray(S, z2, second);
        FloatVector a30 = FloatVector.fromArray(S, z3, 0), a31 = FloatVector.fromArray(S, z3, second);
        for (int k = 0; k < inputs; k++) {
            float[] wk = w[k];
            FloatVector w0 = FloatVector.fromArray(S, wk, 0);
            FloatVector w1 = FloatVector.fromArray(S, wk, second);
            FloatVector x = FloatVector.broadcast(S, i0[k]);
            a00 = w0.fma(x, a00);
            a01 = w1.fma(x, a01);
            x = FloatVector.broadcast(S, i1[k]);
            a10 = w0.fma(x, a10);
            a11 = w1.fma(x, a11);
            x = FloatVector.broadcast(S, i2[k]);
            a20 = w0.fma(x, a20);
            a21 = w1.fma(x, a21);
            x = FloatVector.broadcast(S, i3[k]);
            a30 = w0.fma(x, a30);
            a31 = w1.fma(x, a31);
        }
        a00.intoArray(z0, 0);
        a01.intoArray(z0, second);
        a10.intoArray(z1, 0);
        a11.intoArray(z1, second);
        a20.intoArray(z2, 0);
        a21.intoArray(z2, second);
        a30.intoArray(z3, 0);
        a31.intoArray(z3, second);
    }

    /** One sample of a narrow layer. */
    private static void forward1(float[] in, float[][] w, float[] z, int second, int inputs) {
        FloatVector a0 = FloatVector.fromArray(S, z, 0);
        FloatVector a1 = FloatVector.fromArray(S, z, second);
        for (int k = 0; k < inputs; k++) {
            float[] wk = w[k];
            FloatVector x = FloatVector.broadcast(S, in[k]);
            a0 = FloatVector.fromArray(S, wk, 0).fma(x, a0);
            a1 = FloatVector.fromArray(S, wk, second).fma(x, a1);
        }
        a0.intoArray(z, 0);
        a1.intoArray(z, second);
    }

    /**
     * The weight gradient of a layer narrower than two vectors, such as a 10-class output layer, for a
     * batch of at least {@value #MIN_BATCH}:
     * vectors along the rows of dW (the inputs) instead of its units, which would fill one vector
     * and a fraction. Two vectors of rows × four units in eight accumulators, then one unit at a time;
     * rows left over from those blocks one element at a time, with {@link Math#fma} as the vector lanes
     * do it, so a row's result does not depend on the range.
     */
    static void weightGradient(float[][] in, float[][] dz, float[][] w, float[][] dw, int n, int rowFrom,
            int rowTo, int units, float rate, boolean update) {
        int k = rowFrom;
        for (; k + 2 * L <= rowTo; k += 2 * L) {
            int j = 0;
            for (; j + 3 < units; j += 4) {
                gradientRows4Units(in, dz, w, dw, n, k, j, rate, update);
            }
            for (; j < units; j++) {
                gradientRows1Unit(in, dz, w, dw, n, k, j, rate, update);
            }
        }
        for (; k < rowTo; k++) {
            for (int j = 0; j < units; j++) {
                float g = 0f;
                for (int s = 0; s < n; s++) {
                    g = Math.fma(in[s][k], dz[s][j], g);
                }
                VectorKernels.store(w[k], dw[k], j, g, rate, update);
            }
        }
    }

    /** Rows [k, k + 2L) of units j..j+3: two vectors of X's row per sample feed eight FMAs. */
    private static void gradientRows4Units(float[][] in, float[][] dz, float[][] w, float[][] dw, int n, int k, int j,
            float rate, boolean update) {
        FloatVector a00 = FloatVector.zero(S), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00;
        for (int s = 0; s < n; s++) {
            float[] x = in[s];
            float[] d = dz[s];
            FloatVector x0 = FloatVector.fromArray(S, x, k);
            FloatVector x1 = FloatVector.fromArray(S, x, k + L);
            FloatVector d0 = FloatVector.broadcast(S, d[j]);
            a00 = x0.fma(d0, a00);
            a01 = x1.fma(d0, a01);
            FloatVector d1 = FloatVector.broadcast(S, d[j + 1]);
            a10 = x0.fma(d1, a10);
            a11 = x1.fma(d1, a11);
            FloatVector d2 = FloatVector.broadcast(S, d[j + 2]);
            a20 = x0.fma(d2, a20);
            a21 = x1.fma(d2, a21);
            FloatVector d3 = FloatVector.broadcast(S, d[j + 3]);
            a30 = x0.fma(d3, a30);
            a31 = x1.fma(d3, a31);
        }
        // The sums leave the registers through memory, a vector at a time, and are applied row by row.
        float[] sums = SUMS.get();
        a00.intoArray(sums, 0);
        a10.intoArray(sums, L);
        a20.intoArray(sums, 2 * L);
        a30.intoArray(sums, 3 * L);
        a01.intoArray(sums, 4 * L);
        a11.intoArray(sums, 5 * L);
        a21.intoArray(sums, 6 * L);
        a31.intoArray(sums, 7 * L);
        for (int i = 0; i < 2 * L; i++) {
            int o = i < L ? i : 3 * L + i;
            float[] target = update ? w[k + i] : dw[k + i];
            if (update) {
                target[j] -= rate * sums[o];
                target[j + 1] -= rate * sums[o + L];
                target[j + 2] -= rate * sums[o + 2 * L];
                target[j + 3] -= rate * sums[o + 3 * L];
            } else {
                target[j] = sums[o];
                target[j + 1] = sums[o + L];
                target[j + 2] = sums[o + 2 * L];
                target[j + 3] = sums[o + 3 * L];
            }
        }
    }

    /** Rows [k, k + 2L) of unit j, two accumulators. */
    private static void gradientRows1Unit(float[][] in, float[][] dz, float[][] w, float[][] dw, int n, int k, int j,
            float rate, boolean update) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0;
        for (int s = 0; s < n; s++) {
            float[] x = in[s];
            FloatVector d = FloatVector.broadcast(S, dz[s][j]);
            a0 = FloatVector.fromArray(S, x, k).fma(d, a0);
            a1 = FloatVector.fromArray(S, x, k + L).fma(d, a1);
        }
        float[] sums = SUMS.get();
        a0.intoArray(sums, 0);
        a1.intoArray(sums, L);
        for (int i = 0; i < 2 * L; i++) {
            VectorKernels.store(w[k + i], dw[k + i], j, sums[i], rate, update);
        }
    }
}
