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

    @Override
    public void forward(float[][] in, float[][] w, float[] b, float[][] z, int n, int inputs, int units) {
        int s = 0;
        for (; s + 3 < n; s += 4) {
            forward4(in[s], in[s + 1], in[s + 2], in[s + 3], w, b, z[s], z[s + 1], z[s + 2], z[s + 3], inputs, units);
        }
        for (; s < n; s++) {
            forward1(in[s], w, b, z[s], inputs, units);
        }
    }

    private static void forward4(float[] i0, float[] i1, float[] i2, float[] i3, float[][] w, float[] b,
            float[] z0, float[] z1, float[] z2, float[] z3, int inputs, int units) {
        int j = 0;
        for (; j + 2 * L <= units; j += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(S, b, j);
            FloatVector b1 = FloatVector.fromArray(S, b, j + L);
            FloatVector a00 = b0, a01 = b1, a10 = b0, a11 = b1, a20 = b0, a21 = b1, a30 = b0, a31 = b1;
            for (int k = 0; k < inputs; k++) {
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
        j = forward4x8(i0, i1, i2, i3, w, b, z0, z1, z2, z3, j, inputs, units);
        for (; j < units; j++) {
            float s0 = b[j];
            float s1 = s0;
            float s2 = s0;
            float s3 = s0;
            for (int k = 0; k < inputs; k++) {
                float wkj = w[k][j];
                s0 += i0[k] * wkj;
                s1 += i1[k] * wkj;
                s2 += i2[k] * wkj;
                s3 += i3[k] * wkj;
            }
            z0[j] = s0;
            z1[j] = s1;
            z2[j] = s2;
            z3[j] = s3;
        }
    }

    /** Four samples, blocks of 8 units from {@code j}; returns the first unit not done. */
    private static int forward4x8(float[] i0, float[] i1, float[] i2, float[] i3, float[][] w, float[] b,
            float[] z0, float[] z1, float[] z2, float[] z3, int j, int inputs, int units) {
        for (; j + L <= units; j += L) {
            FloatVector a0 = FloatVector.fromArray(S, b, j), a1 = a0, a2 = a0, a3 = a0;
            for (int k = 0; k < inputs; k++) {
                FloatVector wk = FloatVector.fromArray(S, w[k], j);
                a0 = wk.fma(FloatVector.broadcast(S, i0[k]), a0);
                a1 = wk.fma(FloatVector.broadcast(S, i1[k]), a1);
                a2 = wk.fma(FloatVector.broadcast(S, i2[k]), a2);
                a3 = wk.fma(FloatVector.broadcast(S, i3[k]), a3);
            }
            a0.intoArray(z0, j);
            a1.intoArray(z1, j);
            a2.intoArray(z2, j);
            a3.intoArray(z3, j);
        }
        return j;
    }

    /** One sample: four vectors of units per pass, so four independent FMA chains hide the latency. */
    private static void forward1(float[] in, float[][] w, float[] b, float[] z, int inputs, int units) {
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
            FloatVector a = FloatVector.fromArray(S, b, j);
            for (int k = 0; k < inputs; k++) {
                a = FloatVector.fromArray(S, w[k], j).fma(FloatVector.broadcast(S, in[k]), a);
            }
            a.intoArray(z, j);
        }
        for (; j < units; j++) {
            float sum = b[j];
            for (int k = 0; k < inputs; k++) {
                sum += in[k] * w[k][j];
            }
            z[j] = sum;
        }
    }

    @Override
    public void weightGradient(float[][] in, float[][] dz, float[][] w, float[][] dw, int n, int inputs, int units,
            float rate, boolean update) {
        int k = 0;
        for (; k + 3 < inputs; k += 4) {
            int j = gradientRows4x16(in, dz, w, dw, k, n, units, rate, update);
            j = gradientRows4x8(in, dz, w, dw, k, j, n, units, rate, update);
            for (int u = 0; u < 4; u++) {
                scalarColumns(in, dz, w[k + u], dw[k + u], k + u, j, n, units, rate, update);
            }
        }
        for (; k < inputs; k++) {
            scalarColumns(in, dz, w[k], dw[k], k, 0, n, units, rate, update);
        }
    }

    /**
     * Rows k..k+3 of the gradient in blocks of 16 units, returning the first unit not done.
     * Vectors never cross a method boundary: an argument or result that C2 does not inline is boxed.
     */
    private static int gradientRows4x16(float[][] in, float[][] dz, float[][] w, float[][] dw, int k, int n, int units,
            float rate, boolean update) {
        int j = 0;
        for (; j + 2 * L <= units; j += 2 * L) {
            FloatVector a00 = FloatVector.zero(S), a01 = a00, a10 = a00, a11 = a00;
            FloatVector a20 = a00, a21 = a00, a30 = a00, a31 = a00;
            for (int s = 0; s < n; s++) {
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
    private static int gradientRows4x8(float[][] in, float[][] dz, float[][] w, float[][] dw, int k, int j, int n,
            int units, float rate, boolean update) {
        for (; j + L <= units; j += L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int s = 0; s < n; s++) {
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
            } else {
                a0.intoArray(dw[k], j);
                a1.intoArray(dw[k + 1], j);
                a2.intoArray(dw[k + 2], j);
                a3.intoArray(dw[k + 3], j);
            }
        }
        return j;
    }

    /** Columns [from, units) of row k of the weight gradient, one element at a time. */
    private static void scalarColumns(float[][] in, float[][] dz, float[] w, float[] dw, int k, int from, int n,
            int units, float rate, boolean update) {
        for (int j = from; j < units; j++) {
            float g = 0f;
            for (int s = 0; s < n; s++) {
                g += in[s][k] * dz[s][j];
            }
            if (update) {
                w[j] -= rate * g;
            } else {
                dw[j] = g;
            }
        }
    }
}
