package dev.straightline.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorKernels} for layers narrower than two vectors (9 to 15 units in the forward pass, under
 * 16 in the weight gradient), such as a 10-class output layer, where vectors along the units would fill
 * one vector and a fraction of another. Every unit is still an FMA chain in order, so the bits do not
 * depend on the block or the range, as in {@link VectorKernels}.
 */
final class NarrowKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = 8;
    /** Each lane's index, to pick the lanes of a vector that overlaps the one before it. */
    private static final float[] LANE = {0, 1, 2, 3, 4, 5, 6, 7};
    /**
     * Batches from this size take {@link #weightGradient} for layers narrower than 16 units: 128 → 10 at
     * batch 128 in 13 µs instead of 25–37, at 32 in 6.0 instead of 6.7; at 8 samples the scattered
     * stores of dW's columns outweigh the FMAs (3.1–6.6 µs against 2.5–3.7).
     */
    static final int MIN_BATCH = 16;

    private NarrowKernels() {}

    /**
     * The forward pass of a layer of 9 to 15 units, such as a 10-class output layer: two vectors per
     * sample, the second one ending at the last unit and overlapping the first; it writes only the
     * units past the first vector. Six samples at a time (twelve accumulators), then four, then one,
     * every unit summed over the inputs in order with FMAs, whatever the block.
     */
    static void forward(float[][] in, float[][] w, float[] b, float[][] z, int from, int to, int inputs,
            int units) {
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
        VectorMask<Float> past = lanesFrom(L - second);
        a00.intoArray(z0, 0);
        FloatVector.fromArray(S, z0, second).blend(a01, past).intoArray(z0, second);
        a10.intoArray(z1, 0);
        FloatVector.fromArray(S, z1, second).blend(a11, past).intoArray(z1, second);
        a20.intoArray(z2, 0);
        FloatVector.fromArray(S, z2, second).blend(a21, past).intoArray(z2, second);
        a30.intoArray(z3, 0);
        FloatVector.fromArray(S, z3, second).blend(a31, past).intoArray(z3, second);
        a40.intoArray(z4, 0);
        FloatVector.fromArray(S, z4, second).blend(a41, past).intoArray(z4, second);
        a50.intoArray(z5, 0);
        FloatVector.fromArray(S, z5, second).blend(a51, past).intoArray(z5, second);
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
        VectorMask<Float> past = lanesFrom(L - second);
        a00.intoArray(z0, 0);
        FloatVector.fromArray(S, z0, second).blend(a01, past).intoArray(z0, second);
        a10.intoArray(z1, 0);
        FloatVector.fromArray(S, z1, second).blend(a11, past).intoArray(z1, second);
        a20.intoArray(z2, 0);
        FloatVector.fromArray(S, z2, second).blend(a21, past).intoArray(z2, second);
        a30.intoArray(z3, 0);
        FloatVector.fromArray(S, z3, second).blend(a31, past).intoArray(z3, second);
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
        FloatVector.fromArray(S, z, second).blend(a1, lanesFrom(L - second)).intoArray(z, second);
    }

    /** Lanes [from, 8) of a vector. */
    private static VectorMask<Float> lanesFrom(int from) {
        return FloatVector.fromArray(S, LANE, 0).compare(VectorOperators.GE, from);
    }

    /**
     * The weight gradient of a layer narrower than two vectors, such as a 10-class output layer, for a
     * batch of at least {@value #MIN_BATCH}:
     * vectors along the rows of dW (the inputs) instead of its units, which would fill one vector
     * and a quarter. Sixteen rows × four units in eight accumulators, then one unit at a time; rows
     * left over from the sixteens one element at a time, with {@link Math#fma} as the vector lanes
     * do it, so a row's result does not depend on the range.
     */
    static void weightGradient(float[][] in, float[][] dz, float[][] w, float[][] dw, int n, int rowFrom,
            int rowTo, int units, float rate, boolean update) {
        int k = rowFrom;
        for (; k + 2 * L <= rowTo; k += 2 * L) {
            int j = 0;
            for (; j + 3 < units; j += 4) {
                gradientRows16x4(in, dz, w, dw, n, k, j, rate, update);
            }
            for (; j < units; j++) {
                gradientRows16x1(in, dz, w, dw, n, k, j, rate, update);
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

    /** Rows k..k+15 of units j..j+3: two vectors of X's row per sample feed eight FMAs. */
    private static void gradientRows16x4(float[][] in, float[][] dz, float[][] w, float[][] dw, int n, int k, int j,
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
        for (int i = 0; i < L; i++) {
            float[] target = update ? w[k + i] : dw[k + i];
            float[] next = update ? w[k + L + i] : dw[k + L + i];
            if (update) {
                target[j] -= rate * a00.lane(i);
                target[j + 1] -= rate * a10.lane(i);
                target[j + 2] -= rate * a20.lane(i);
                target[j + 3] -= rate * a30.lane(i);
                next[j] -= rate * a01.lane(i);
                next[j + 1] -= rate * a11.lane(i);
                next[j + 2] -= rate * a21.lane(i);
                next[j + 3] -= rate * a31.lane(i);
            } else {
                target[j] = a00.lane(i);
                target[j + 1] = a10.lane(i);
                target[j + 2] = a20.lane(i);
                target[j + 3] = a30.lane(i);
                next[j] = a01.lane(i);
                next[j + 1] = a11.lane(i);
                next[j + 2] = a21.lane(i);
                next[j + 3] = a31.lane(i);
            }
        }
    }

    /** Rows k..k+15 of unit j, two accumulators. */
    private static void gradientRows16x1(float[][] in, float[][] dz, float[][] w, float[][] dw, int n, int k, int j,
            float rate, boolean update) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0;
        for (int s = 0; s < n; s++) {
            float[] x = in[s];
            FloatVector d = FloatVector.broadcast(S, dz[s][j]);
            a0 = FloatVector.fromArray(S, x, k).fma(d, a0);
            a1 = FloatVector.fromArray(S, x, k + L).fma(d, a1);
        }
        for (int i = 0; i < L; i++) {
            VectorKernels.store(w[k + i], dw[k + i], j, a0.lane(i), rate, update);
            VectorKernels.store(w[k + L + i], dw[k + L + i], j, a1.lane(i), rate, update);
        }
    }
}
