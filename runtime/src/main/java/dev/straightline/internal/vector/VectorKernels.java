package dev.straightline.internal.vector;

import dev.straightline.internal.DenseKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked dense kernels on the Vector API ({@code anchors/jvm-limits.md}, rule 4): the
 * forward pass keeps a 4-sample × 2-vector block of Z in 8 accumulators across the whole input
 * dimension (then 4 × 1 vector for a remaining 8 units); the weight gradient keeps a 4-row ×
 * 2-vector block of dW across the samples (then 4 × 1) and applies the SGD step as it stores. Loaded only when {@code jdk.incubator.vector} is present.
 * No vector value is chosen by a conditional, and no vector crosses a method boundary: C2 boxes a
 * vector that meets a phi of two allocations or an argument of a call it does not inline, and the
 * kernel would then allocate on every step.
 */
public final class VectorKernels implements DenseKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = 8;

    /**
     * @throws UnsupportedOperationException when the hardware has no 256-bit vectors: the Vector API
     *     would then emulate them in Java, many times slower than the plain loops
     */
    public VectorKernels() {
        if (FloatVector.SPECIES_PREFERRED.vectorBitSize() < S.vectorBitSize()) {
            throw new UnsupportedOperationException("this CPU's vectors are " + FloatVector.SPECIES_PREFERRED.vectorBitSize()
                    + " bits wide; the kernels need " + S.vectorBitSize());
        }
    }

    /** Weight rows per chunk of the input dimension: a 16-unit slice of a chunk (16 KB) stays in L1. */
    private static final int K_CHUNK = 256;
    /** Samples per chunk of the weight gradient: their rows of dZ stay in L1. */
    private static final int S_CHUNK = 32;

    @Override
    public void forward(float[][] in, float[][] w, float[] b, float[][] z, int from, int to, int inputs, int units) {
        if (to - from < 4) {
            for (int s = from; s < to; s++) {
                forwardRow(in[s], w, b, z[s], inputs, units);
            }
            return;
        }
        for (int k0 = 0; k0 < inputs; k0 += K_CHUNK) {
            int k1 = Math.min(inputs, k0 + K_CHUNK);
            if (k0 == 0) {
                for (int s = from; s < to; s++) {
                    System.arraycopy(b, 0, z[s], 0, units);
                }
            }
            int j = 0;
            for (; j + 2 * L <= units; j += 2 * L) {
                int s = from;
                for (; s + 3 < to; s += 4) {
                    forward4x16(in[s], in[s + 1], in[s + 2], in[s + 3], w, z[s], z[s + 1], z[s + 2], z[s + 3], j, k0, k1);
                }
                for (; s < to; s++) {
                    forward1x16(in[s], w, z[s], j, k0, k1);
                }
            }
            for (; j + L <= units; j += L) {
                for (int s = from; s < to; s++) {
                    forward1x8(in[s], w, z[s], j, k0, k1);
                }
            }
            for (; j < units; j++) {
                for (int s = from; s < to; s++) {
                    float[] x = in[s];
                    float sum = z[s][j];
                    for (int k = k0; k < k1; k++) {
                        sum += x[k] * w[k][j];
                    }
                    z[s][j] = sum;
                }
            }
        }
    }

    /**
     * One sample alone (prediction, tiny batches): every weight is read once whatever the order, so
     * 32 units per pass over all rows, four independent FMA chains, and no chunking.
     */
    private static void forwardRow(float[] in, float[][] w, float[] b, float[] z, int inputs, int units) {
        int j = 0;
        for (; j + 4 * L <= units; j += 4 * L) {
            FloatVector a0 = FloatVector.fromArray(S, b, j);
            FloatVector a1 = FloatVector.fromArray(S, b, j + L);
            FloatVector a2 = FloatVector.fromArray(S, b, j + 2 * L);
            FloatVector a3 = FloatVector.fromArray(S, b, j + 3 * L);
            for (int k = 0; k < inputs; k++) {
                float[] wk = w[k];
                FloatVector x = FloatVector.broadcast(S, in[k]);
                a0 = FloatVector.fromArray(S, wk, j).fma(x, a0);
                a1 = FloatVector.fromArray(S, wk, j + L).fma(x, a1);
                a2 = FloatVector.fromArray(S, wk, j + 2 * L).fma(x, a2);
                a3 = FloatVector.fromArray(S, wk, j + 3 * L).fma(x, a3);
            }
            a0.intoArray(z, j);
            a1.intoArray(z, j + L);
            a2.intoArray(z, j + 2 * L);
            a3.intoArray(z, j + 3 * L);
        }
        for (; j + L <= units; j += L) {
            z[j] = b[j];
            for (int u = 1; u < L; u++) {
                z[j + u] = b[j + u];
            }
            forward1x8(in, w, z, j, 0, inputs);
        }
        for (; j < units; j++) {
            float sum = b[j];
            for (int k = 0; k < inputs; k++) {
                sum += in[k] * w[k][j];
            }
            z[j] = sum;
        }
    }

    /** Four samples × 16 units of Z, accumulated over weight rows [k0, k1) in eight registers. */
    private static void forward4x16(float[] i0, float[] i1, float[] i2, float[] i3, float[][] w,
            float[] z0, float[] z1, float[] z2, float[] z3, int j, int k0, int k1) {
        FloatVector a00 = FloatVector.fromArray(S, z0, j);
        FloatVector a01 = FloatVector.fromArray(S, z0, j + L);
        FloatVector a10 = FloatVector.fromArray(S, z1, j);
        FloatVector a11 = FloatVector.fromArray(S, z1, j + L);
        FloatVector a20 = FloatVector.fromArray(S, z2, j);
        FloatVector a21 = FloatVector.fromArray(S, z2, j + L);
        FloatVector a30 = FloatVector.fromArray(S, z3, j);
        FloatVector a31 = FloatVector.fromArray(S, z3, j + L);
        for (int k = k0; k < k1; k++) {
            float[] wk = w[k];
            FloatVector w0 = FloatVector.fromArray(S, wk, j);
            FloatVector w1 = FloatVector.fromArray(S, wk, j + L);
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
        a00.intoArray(z0, j);
        a01.intoArray(z0, j + L);
        a10.intoArray(z1, j);
        a11.intoArray(z1, j + L);
        a20.intoArray(z2, j);
        a21.intoArray(z2, j + L);
        a30.intoArray(z3, j);
        a31.intoArray(z3, j + L);
    }

    /** One sample × 16 units, with the rows split in two halves so that four FMA chains run at once. */
    private static void forward1x16(float[] in, float[][] w, float[] z, int j, int k0, int k1) {
        FloatVector a0 = FloatVector.fromArray(S, z, j);
        FloatVector a1 = FloatVector.fromArray(S, z, j + L);
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = FloatVector.zero(S);
        int k = k0;
        for (; k + 1 < k1; k += 2) {
            FloatVector x = FloatVector.broadcast(S, in[k]);
            FloatVector y = FloatVector.broadcast(S, in[k + 1]);
            float[] wk = w[k];
            float[] wn = w[k + 1];
            a0 = FloatVector.fromArray(S, wk, j).fma(x, a0);
            a1 = FloatVector.fromArray(S, wk, j + L).fma(x, a1);
            c0 = FloatVector.fromArray(S, wn, j).fma(y, c0);
            c1 = FloatVector.fromArray(S, wn, j + L).fma(y, c1);
        }
        for (; k < k1; k++) {
            FloatVector x = FloatVector.broadcast(S, in[k]);
            a0 = FloatVector.fromArray(S, w[k], j).fma(x, a0);
            a1 = FloatVector.fromArray(S, w[k], j + L).fma(x, a1);
        }
        a0.add(c0).intoArray(z, j);
        a1.add(c1).intoArray(z, j + L);
    }

    /** One sample × 8 units. */
    private static void forward1x8(float[] in, float[][] w, float[] z, int j, int k0, int k1) {
        FloatVector a = FloatVector.fromArray(S, z, j);
        FloatVector c = FloatVector.zero(S);
        int k = k0;
        for (; k + 1 < k1; k += 2) {
            a = FloatVector.fromArray(S, w[k], j).fma(FloatVector.broadcast(S, in[k]), a);
            c = FloatVector.fromArray(S, w[k + 1], j).fma(FloatVector.broadcast(S, in[k + 1]), c);
        }
        for (; k < k1; k++) {
            a = FloatVector.fromArray(S, w[k], j).fma(FloatVector.broadcast(S, in[k]), a);
        }
        a.add(c).intoArray(z, j);
    }

    @Override
    public void weightGradient(float[][] in, float[][] dz, float[][] w, float[][] dw, int n, int rowFrom, int rowTo,
            int units, float rate, boolean update) {
        if (n <= S_CHUNK) {
            gradientRows(in, dz, w, dw, 0, n, rowFrom, rowTo, units, rate, update);
            return;
        }
        // More samples than fit in L1: sum the chunks into dW, then take the step row by row.
        for (int k = rowFrom; k < rowTo; k++) {
            java.util.Arrays.fill(dw[k], 0, units, 0f);
        }
        for (int s0 = 0; s0 < n; s0 += S_CHUNK) {
            gradientRows(in, dz, w, dw, s0, Math.min(n, s0 + S_CHUNK), rowFrom, rowTo, units, -1f, false);
        }
        if (update) {
            for (int k = rowFrom; k < rowTo; k++) {
                float[] wk = w[k];
                float[] g = dw[k];
                for (int j = 0; j < units; j++) {
                    wk[j] -= rate * g[j];
                }
            }
        }
    }

    /**
     * The gradient of samples [s0, s1) for rows [rowFrom, rowTo). With {@code update} the step is taken; with a
     * negative {@code rate} and no update the sums are added to {@code dw}; otherwise stored in it.
     */
    private static void gradientRows(float[][] in, float[][] dz, float[][] w, float[][] dw, int s0, int s1, int rowFrom,
            int rowTo, int units, float rate, boolean update) {
        int k = rowFrom;
        for (; k + 3 < rowTo; k += 4) {
            int j = gradientRows4x16(in, dz, w, dw, k, s0, s1, units, rate, update);
            j = gradientRows4x8(in, dz, w, dw, k, j, s0, s1, units, rate, update);
            for (int u = 0; u < 4; u++) {
                scalarColumns(in, dz, w[k + u], dw[k + u], k + u, j, s0, s1, units, rate, update);
            }
        }
        for (; k < rowTo; k++) {
            scalarColumns(in, dz, w[k], dw[k], k, 0, s0, s1, units, rate, update);
        }
    }

    /**
     * Rows k..k+3 of the gradient in blocks of 16 units, returning the first unit not done.
     * Vectors never cross a method boundary: an argument or result that C2 does not inline is boxed.
     */
    private static int gradientRows4x16(float[][] in, float[][] dz, float[][] w, float[][] dw, int k, int s0, int s1,
            int units, float rate, boolean update) {
        boolean add = rate < 0 && !update;
        int j = 0;
        for (; j + 2 * L <= units; j += 2 * L) {
            FloatVector a00 = FloatVector.zero(S), a01 = a00, a10 = a00, a11 = a00;
            FloatVector a20 = a00, a21 = a00, a30 = a00, a31 = a00;
            for (int s = s0; s < s1; s++) {
                float[] d = dz[s];
                float[] x = in[s];
                FloatVector d0 = FloatVector.fromArray(S, d, j);
                FloatVector d1 = FloatVector.fromArray(S, d, j + L);
                FloatVector x0 = FloatVector.broadcast(S, x[k]);
                a00 = d0.fma(x0, a00);
                a01 = d1.fma(x0, a01);
                FloatVector x1 = FloatVector.broadcast(S, x[k + 1]);
                a10 = d0.fma(x1, a10);
                a11 = d1.fma(x1, a11);
                FloatVector x2 = FloatVector.broadcast(S, x[k + 2]);
                a20 = d0.fma(x2, a20);
                a21 = d1.fma(x2, a21);
                FloatVector x3 = FloatVector.broadcast(S, x[k + 3]);
                a30 = d0.fma(x3, a30);
                a31 = d1.fma(x3, a31);
            }
            if (update) {
                float[] w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3];
                FloatVector.fromArray(S, w0, j).sub(a00.mul(rate)).intoArray(w0, j);
                FloatVector.fromArray(S, w0, j + L).sub(a01.mul(rate)).intoArray(w0, j + L);
                FloatVector.fromArray(S, w1, j).sub(a10.mul(rate)).intoArray(w1, j);
                FloatVector.fromArray(S, w1, j + L).sub(a11.mul(rate)).intoArray(w1, j + L);
                FloatVector.fromArray(S, w2, j).sub(a20.mul(rate)).intoArray(w2, j);
                FloatVector.fromArray(S, w2, j + L).sub(a21.mul(rate)).intoArray(w2, j + L);
                FloatVector.fromArray(S, w3, j).sub(a30.mul(rate)).intoArray(w3, j);
                FloatVector.fromArray(S, w3, j + L).sub(a31.mul(rate)).intoArray(w3, j + L);
            } else if (add) {
                float[] g0 = dw[k], g1 = dw[k + 1], g2 = dw[k + 2], g3 = dw[k + 3];
                FloatVector.fromArray(S, g0, j).add(a00).intoArray(g0, j);
                FloatVector.fromArray(S, g0, j + L).add(a01).intoArray(g0, j + L);
                FloatVector.fromArray(S, g1, j).add(a10).intoArray(g1, j);
                FloatVector.fromArray(S, g1, j + L).add(a11).intoArray(g1, j + L);
                FloatVector.fromArray(S, g2, j).add(a20).intoArray(g2, j);
                FloatVector.fromArray(S, g2, j + L).add(a21).intoArray(g2, j + L);
                FloatVector.fromArray(S, g3, j).add(a30).intoArray(g3, j);
                FloatVector.fromArray(S, g3, j + L).add(a31).intoArray(g3, j + L);
            } else {
                a00.intoArray(dw[k], j);
                a01.intoArray(dw[k], j + L);
                a10.intoArray(dw[k + 1], j);
                a11.intoArray(dw[k + 1], j + L);
                a20.intoArray(dw[k + 2], j);
                a21.intoArray(dw[k + 2], j + L);
                a30.intoArray(dw[k + 3], j);
                a31.intoArray(dw[k + 3], j + L);
            }
        }
        return j;
    }

    /** Rows k..k+3 of the gradient in blocks of 8 units from {@code j}, returning the first unit not done. */
    private static int gradientRows4x8(float[][] in, float[][] dz, float[][] w, float[][] dw, int k, int j, int s0,
            int s1, int units, float rate, boolean update) {
        boolean add = rate < 0 && !update;
        for (; j + L <= units; j += L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int s = s0; s < s1; s++) {
                float[] x = in[s];
                FloatVector d = FloatVector.fromArray(S, dz[s], j);
                a0 = d.fma(FloatVector.broadcast(S, x[k]), a0);
                a1 = d.fma(FloatVector.broadcast(S, x[k + 1]), a1);
                a2 = d.fma(FloatVector.broadcast(S, x[k + 2]), a2);
                a3 = d.fma(FloatVector.broadcast(S, x[k + 3]), a3);
            }
            if (update) {
                float[] w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3];
                FloatVector.fromArray(S, w0, j).sub(a0.mul(rate)).intoArray(w0, j);
                FloatVector.fromArray(S, w1, j).sub(a1.mul(rate)).intoArray(w1, j);
                FloatVector.fromArray(S, w2, j).sub(a2.mul(rate)).intoArray(w2, j);
                FloatVector.fromArray(S, w3, j).sub(a3.mul(rate)).intoArray(w3, j);
            } else if (add) {
                float[] g0 = dw[k], g1 = dw[k + 1], g2 = dw[k + 2], g3 = dw[k + 3];
                FloatVector.fromArray(S, g0, j).add(a0).intoArray(g0, j);
                FloatVector.fromArray(S, g1, j).add(a1).intoArray(g1, j);
                FloatVector.fromArray(S, g2, j).add(a2).intoArray(g2, j);
                FloatVector.fromArray(S, g3, j).add(a3).intoArray(g3, j);
            } else {
                a0.intoArray(dw[k], j);
                a1.intoArray(dw[k + 1], j);
                a2.intoArray(dw[k + 2], j);
                a3.intoArray(dw[k + 3], j);
            }
        }
        return j;
    }

    /** Columns [from, units) of row k over samples [s0, s1), one element at a time. */
    private static void scalarColumns(float[][] in, float[][] dz, float[] w, float[] dw, int k, int from, int s0, int s1,
            int units, float rate, boolean update) {
        boolean add = rate < 0 && !update;
        for (int j = from; j < units; j++) {
            float g = 0f;
            for (int s = s0; s < s1; s++) {
                g += in[s][k] * dz[s][j];
            }
            if (update) {
                w[j] -= rate * g;
            } else if (add) {
                dw[j] += g;
            } else {
                dw[j] = g;
            }
        }
    }
}
