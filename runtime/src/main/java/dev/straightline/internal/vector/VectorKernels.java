package dev.straightline.internal.vector;

import dev.straightline.internal.DenseKernels;
import dev.straightline.internal.VectorWidth;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked dense kernels on the Vector API ({@code anchors/jvm-limits.md}, rule 4): the
 * forward pass keeps a 6-sample × 2-vector block of Z in twelve accumulators across a chunk of the
 * input dimension (then 4 samples, then one); the weight gradient keeps a 6-row × 2-vector block of
 * dW across the samples (then 4 rows, then one) and applies the SGD step as it stores. Every block
 * sums in the same order, so a sample's Z and a row's dW have the same bits whatever range or block
 * they are computed in (two threads split anywhere). From 24 samples the forward pass reads each
 * slice of W from a per-thread packed copy, and above 32 the weight gradient reads X from six-column
 * blocks in the caller's scratch: the same FMAs, from contiguous memory. Layers narrower than two
 * vectors go to {@link NarrowKernels}. Loaded only when {@code jdk.incubator.vector} is present.
 * The vectors are the CPU's widest, 16 lanes with AVX-512 and 8 with AVX2 (see {@link #S}): on this
 * project's benchmark machine (AMD EPYC, AVX-512) the 16-lane kernels train M2 at batch 128 in
 * about half the time of the 8-lane ones.
 * No vector value is chosen by a conditional, and no vector crosses a method boundary: C2 boxes a
 * vector that meets a phi of two allocations or an argument of a call it does not inline, and the
 * kernel would then allocate on every step.
 */
public final class VectorKernels implements DenseKernels {
    /**
     * The CPU's own vectors: 512 bits where it has them (AVX-512, twice the FMAs per instruction of
     * AVX2), else 256 ({@link VectorWidth}). Chosen once, so that C2 sees constant shapes in every kernel.
     */
    static final VectorSpecies<Float> S = species();
    /** Lanes per vector: 16 or 8. */
    static final int L = S.length();

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

    @Override
    public int lanes() {
        return L;
    }

    private static VectorSpecies<Float> species() {
        int lanes = VectorWidth.lanes(System.getProperty(VectorWidth.PROPERTY), FloatVector.SPECIES_PREFERRED.vectorBitSize());
        return lanes == 16 ? FloatVector.SPECIES_512 : FloatVector.SPECIES_256;
    }

    /** Weight rows per chunk of the input dimension: a two-vector slice of a chunk (16 or 32 KB) stays in L1. */
    private static final int K_CHUNK = 256;
    /**
     * Blocks of six samples from which the forward pass first copies each two-vector slice of a chunk of W
     * into one contiguous array ({@link #PACKED}), read from there by every block: M1's first layer at
     * 126 samples ran at 80–83 GFLOP/s with the copy against 67–70 from W's rows, at 30 samples 72
     * against 66.
     */
    private static final int PACK_MIN_BLOCKS = 4;
    /** Each thread's copy of one two-vector slice of a chunk of W, made once per thread. */
    private static final ThreadLocal<float[]> PACKED = ThreadLocal.withInitial(() -> new float[K_CHUNK * 2 * L]);
    /**
     * Rows per chunk of a large batch's weight gradient (784 × 128 at batch 128: 47–49 GFLOP/s with
     * no chunks, 50–52 with chunks of 24 to 96 rows, in alternating runs).
     */
    private static final int ROW_CHUNK = 96;
    /**
     * Smaller batches take a small batch's weight gradient four rows at a time: with so few samples
     * the six-row kernel's round trip of its sums through memory costs more than its FMAs save
     * (M1 at batch 1: 29.3 µs per step in four rows against 36.9 in six).
     */
    private static final int SIX_ROWS_MIN_BATCH = 8;
    /** Batches up to this size keep all of dZ in L1 through the weight gradient (32 rows of 128 units). */
    private static final int SMALL_BATCH = 32;

    /**
     * {@code v − v} is 0 for a finite value and NaN otherwise (and NaN + anything is NaN). No vector
     * is carried from one iteration to the next: such a loop phi was boxed when the loop did not run.
     */
    @Override
    public boolean allFinite(float[] x, int from, int to) {
        int i = from;
        for (; i + 2 * L <= to; i += 2 * L) {
            FloatVector v0 = FloatVector.fromArray(S, x, i);
            FloatVector v1 = FloatVector.fromArray(S, x, i + L);
            if (!v0.sub(v0).add(v1.sub(v1)).eq(0f).allTrue()) {
                return false;
            }
        }
        float rest = 0f;
        for (; i < to; i++) {
            rest += x[i] - x[i];
        }
        return rest == 0f;
    }

    @Override
    public void forward(float[][] in, float[][] w, float[] b, float[][] z, int from, int to, int inputs, int units,
            int unitFrom, int unitTo) {
        checkUnits(units, unitFrom, unitTo);
        if (unitFrom == unitTo) {
            return;
        }
        if (units < 2 * L && units != L) {
            NarrowKernels.forward(in, w, b, z, from, to, inputs, units);
            return;
        }
        if (to - from < 4) {
            for (int s = from; s < to; s++) {
                forwardRow(in[s], w, b, z[s], inputs, unitFrom, unitTo);
            }
            return;
        }
        for (int k0 = 0; k0 < inputs; k0 += K_CHUNK) {
            int k1 = Math.min(inputs, k0 + K_CHUNK);
            if (k0 == 0) {
                for (int s = from; s < to; s++) {
                    System.arraycopy(b, unitFrom, z[s], unitFrom, unitTo - unitFrom);
                }
            }
            int j = unitFrom;
            int sixesPerSlice = blocksOfSix(to - from);
            float[] packed = sixesPerSlice >= PACK_MIN_BLOCKS ? PACKED.get() : null;
            for (; j + 2 * L <= unitTo; j += 2 * L) {
                int s = from;
                if (packed != null) {
                    pack(w, j, k0, k1, packed);
                    for (int sixes = sixesPerSlice; sixes > 0; sixes--, s += 6) {
                        forward6Samples2VectorsPacked(in, packed, z, s, j, k0, k1);
                    }
                } else {
                    for (int sixes = sixesPerSlice; sixes > 0; sixes--, s += 6) {
                        forward6Samples2Vectors(in, w, z, s, j, k0, k1);
                    }
                }
                for (; s + 3 < to; s += 4) {
                    if (packed != null) {
                        forward4Samples2VectorsPacked(in, packed, z, s, j, k0, k1);
                    } else {
                        forward4Samples2Vectors(in, w, z, s, j, k0, k1);
                    }
                }
                for (; s < to; s++) {
                    forward1Sample2Vectors(in[s], w, z[s], j, k0, k1);
                }
            }
            for (; j + L <= unitTo; j += L) {
                int s = from;
                for (; s + 3 < to; s += 4) {
                    forward4Samples1Vector(in, w, z, s, j, k0, k1);
                }
                for (; s < to; s++) {
                    forward1Sample1Vector(in[s], w, z[s], j, k0, k1);
                }
            }
            for (; j < unitTo; j++) {
                int s = from;
                for (; s + 3 < to; s += 4) {
                    scalarColumn4(in, w, z, s, j, k0, k1);
                }
                for (; s < to; s++) {
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
     * A range of units starts on a block and ends on one or at the last unit; a layer narrower than a
     * block is computed all at once (or not at all).
     */
    private static void checkUnits(int units, int unitFrom, int unitTo) {
        boolean blocks = (unitFrom % UNIT_BLOCK == 0 || unitFrom == units) && (unitTo == units || unitTo % UNIT_BLOCK == 0);
        boolean narrow = units < UNIT_BLOCK && unitFrom != unitTo && unitTo - unitFrom != units;
        if (unitFrom < 0 || unitFrom > unitTo || unitTo > units || !blocks || narrow) {
            throw new IllegalArgumentException("units [" + unitFrom + ", " + unitTo + ") of " + units
                    + " do not start and end on blocks of " + UNIT_BLOCK);
        }
    }

    /**
     * Column j of Z for samples s..s+3: four sums side by side, each in the order of the one-sample
     * loop, so that the adds do not wait on one another (a column left over after the vectors, e.g.
     * units 8 and 9 of a 10-class output layer).
     */
    private static void scalarColumn4(float[][] in, float[][] w, float[][] z, int s, int j, int k0, int k1) {
        float[] x0 = in[s], x1 = in[s + 1], x2 = in[s + 2], x3 = in[s + 3];
        float sum0 = z[s][j], sum1 = z[s + 1][j], sum2 = z[s + 2][j], sum3 = z[s + 3][j];
        for (int k = k0; k < k1; k++) {
            float wkj = w[k][j];
            sum0 += x0[k] * wkj;
            sum1 += x1[k] * wkj;
            sum2 += x2[k] * wkj;
            sum3 += x3[k] * wkj;
        }
        z[s][j] = sum0;
        z[s + 1][j] = sum1;
        z[s + 2][j] = sum2;
        z[s + 3][j] = sum3;
    }

    /** Four samples × one vector of Z, four accumulators. */
    private static void forward4Samples1Vector(float[][] in, float[][] w, float[][] z, int s, int j, int k0, int k1) {
        float[] i0 = in[s], i1 = in[s + 1], i2 = in[s + 2], i3 = in[s + 3];
        float[] z0 = z[s], z1 = z[s + 1], z2 = z[s + 2], z3 = z[s + 3];
        FloatVector a0 = FloatVector.fromArray(S, z0, j);
        FloatVector a1 = FloatVector.fromArray(S, z1, j);
        FloatVector a2 = FloatVector.fromArray(S, z2, j);
        FloatVector a3 = FloatVector.fromArray(S, z3, j);
        for (int k = k0; k < k1; k++) {
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

    /**
     * How many blocks of six to take from {@code count} samples or rows so that blocks of four cover
     * the rest whenever {@code count} is even: the one-at-a-time kernels after them cannot overlap
     * their FMAs and run at a quarter of the speed (128 = 6·20 + 4·2, not 6·21 + 2).
     */
    static int blocksOfSix(int count) {
        int sixes = count / 6;
        if (sixes > 0 && (count - 6 * sixes) % 4 >= 2) {
            sixes--;
        }
        return sixes;
    }

    /**
     * Units [unitFrom, unitTo) of one sample alone (prediction, tiny batches): every weight is read once
     * whatever the order, so sixteen vectors of units per pass over all rows in sixteen independent FMA
     * chains, then eight, then four, and no chunking; the units left over are summed exactly as the batched kernel sums them.
     * Each unit's sum is b plus the products in row order, as in the batched kernel: the same bits.
     */
    private static void forwardRow(float[] in, float[][] w, float[] b, float[] z, int inputs, int unitFrom, int unitTo) {
        int j = unitFrom;
        for (; j + 16 * L <= unitTo; j += 16 * L) {
            forwardRow16Vectors(in, w, b, z, inputs, j);
        }
        for (; j + 8 * L <= unitTo; j += 8 * L) {
            forwardRow8Vectors(in, w, b, z, inputs, j);
        }
        for (; j + 4 * L <= unitTo; j += 4 * L) {
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
        // The rest as the batched kernel does it, chunk by chunk, so that the bits are the same.
        int rest = j;
        System.arraycopy(b, rest, z, rest, unitTo - rest);
        for (int k0 = 0; k0 < inputs; k0 += K_CHUNK) {
            int k1 = Math.min(inputs, k0 + K_CHUNK);
            j = rest;
            for (; j + 2 * L <= unitTo; j += 2 * L) {
                forward1Sample2Vectors(in, w, z, j, k0, k1);
            }
            for (; j + L <= unitTo; j += L) {
                forward1Sample1Vector(in, w, z, j, k0, k1);
            }
        }
        for (; j < unitTo; j++) {
            float sum = z[j];
            for (int k = 0; k < inputs; k++) {
                sum += in[k] * w[k][j];
            }
            z[j] = sum;
        }
    }

    /**
     * Eight vectors of units from j of one sample in one pass over W's rows, in eight FMA chains: with
     * 8-lane vectors half of M1's first layer, which each of two threads takes in a shared prediction;
     * with 16-lane vectors all of it.
     */
    private static void forwardRow8Vectors(float[] in, float[][] w, float[] b, float[] z, int inputs, int j) {
        FloatVector a0 = FloatVector.fromArray(S, b, j);
        FloatVector a1 = FloatVector.fromArray(S, b, j + L);
        FloatVector a2 = FloatVector.fromArray(S, b, j + 2 * L);
        FloatVector a3 = FloatVector.fromArray(S, b, j + 3 * L);
        FloatVector a4 = FloatVector.fromArray(S, b, j + 4 * L);
        FloatVector a5 = FloatVector.fromArray(S, b, j + 5 * L);
        FloatVector a6 = FloatVector.fromArray(S, b, j + 6 * L);
        FloatVector a7 = FloatVector.fromArray(S, b, j + 7 * L);
        for (int k = 0; k < inputs; k++) {
            float[] wk = w[k];
            FloatVector x = FloatVector.broadcast(S, in[k]);
            a0 = FloatVector.fromArray(S, wk, j).fma(x, a0);
            a1 = FloatVector.fromArray(S, wk, j + L).fma(x, a1);
            a2 = FloatVector.fromArray(S, wk, j + 2 * L).fma(x, a2);
            a3 = FloatVector.fromArray(S, wk, j + 3 * L).fma(x, a3);
            a4 = FloatVector.fromArray(S, wk, j + 4 * L).fma(x, a4);
            a5 = FloatVector.fromArray(S, wk, j + 5 * L).fma(x, a5);
            a6 = FloatVector.fromArray(S, wk, j + 6 * L).fma(x, a6);
            a7 = FloatVector.fromArray(S, wk, j + 7 * L).fma(x, a7);
        }
        a0.intoArray(z, j);
        a1.intoArray(z, j + L);
        a2.intoArray(z, j + 2 * L);
        a3.intoArray(z, j + 3 * L);
        a4.intoArray(z, j + 4 * L);
        a5.intoArray(z, j + 5 * L);
        a6.intoArray(z, j + 6 * L);
        a7.intoArray(z, j + 7 * L);
    }

    /**
     * Sixteen vectors of units from j of one sample in one pass over W's rows: with 8-lane vectors,
     * each of M1's rows of 512 bytes is read as one stream, where passes of 32 units read each row four
     * times, a quarter at a time (M1's first layer, probe, median of 5 JVMs: 7.2 µs against 9.3, and
     * 8.8 for the plain loop; reading W alone 6.5).
     */
    private static void forwardRow16Vectors(float[] in, float[][] w, float[] b, float[] z, int inputs, int j) {
        FloatVector a0 = FloatVector.fromArray(S, b, j);
        FloatVector a1 = FloatVector.fromArray(S, b, j + L);
        FloatVector a2 = FloatVector.fromArray(S, b, j + 2 * L);
        FloatVector a3 = FloatVector.fromArray(S, b, j + 3 * L);
        FloatVector a4 = FloatVector.fromArray(S, b, j + 4 * L);
        FloatVector a5 = FloatVector.fromArray(S, b, j + 5 * L);
        FloatVector a6 = FloatVector.fromArray(S, b, j + 6 * L);
        FloatVector a7 = FloatVector.fromArray(S, b, j + 7 * L);
        FloatVector a8 = FloatVector.fromArray(S, b, j + 8 * L);
        FloatVector a9 = FloatVector.fromArray(S, b, j + 9 * L);
        FloatVector a10 = FloatVector.fromArray(S, b, j + 10 * L);
        FloatVector a11 = FloatVector.fromArray(S, b, j + 11 * L);
        FloatVector a12 = FloatVector.fromArray(S, b, j + 12 * L);
        FloatVector a13 = FloatVector.fromArray(S, b, j + 13 * L);
        FloatVector a14 = FloatVector.fromArray(S, b, j + 14 * L);
        FloatVector a15 = FloatVector.fromArray(S, b, j + 15 * L);
        for (int k = 0; k < inputs; k++) {
            float[] wk = w[k];
            FloatVector x = FloatVector.broadcast(S, in[k]);
            a0 = FloatVector.fromArray(S, wk, j).fma(x, a0);
            a1 = FloatVector.fromArray(S, wk, j + L).fma(x, a1);
            a2 = FloatVector.fromArray(S, wk, j + 2 * L).fma(x, a2);
            a3 = FloatVector.fromArray(S, wk, j + 3 * L).fma(x, a3);
            a4 = FloatVector.fromArray(S, wk, j + 4 * L).fma(x, a4);
            a5 = FloatVector.fromArray(S, wk, j + 5 * L).fma(x, a5);
            a6 = FloatVector.fromArray(S, wk, j + 6 * L).fma(x, a6);
            a7 = FloatVector.fromArray(S, wk, j + 7 * L).fma(x, a7);
            a8 = FloatVector.fromArray(S, wk, j + 8 * L).fma(x, a8);
            a9 = FloatVector.fromArray(S, wk, j + 9 * L).fma(x, a9);
            a10 = FloatVector.fromArray(S, wk, j + 10 * L).fma(x, a10);
            a11 = FloatVector.fromArray(S, wk, j + 11 * L).fma(x, a11);
            a12 = FloatVector.fromArray(S, wk, j + 12 * L).fma(x, a12);
            a13 = FloatVector.fromArray(S, wk, j + 13 * L).fma(x, a13);
            a14 = FloatVector.fromArray(S, wk, j + 14 * L).fma(x, a14);
            a15 = FloatVector.fromArray(S, wk, j + 15 * L).fma(x, a15);
        }
        a0.intoArray(z, j);
        a1.intoArray(z, j + L);
        a2.intoArray(z, j + 2 * L);
        a3.intoArray(z, j + 3 * L);
        a4.intoArray(z, j + 4 * L);
        a5.intoArray(z, j + 5 * L);
        a6.intoArray(z, j + 6 * L);
        a7.intoArray(z, j + 7 * L);
        a8.intoArray(z, j + 8 * L);
        a9.intoArray(z, j + 9 * L);
        a10.intoArray(z, j + 10 * L);
        a11.intoArray(z, j + 11 * L);
        a12.intoArray(z, j + 12 * L);
        a13.intoArray(z, j + 13 * L);
        a14.intoArray(z, j + 14 * L);
        a15.intoArray(z, j + 15 * L);
    }

    /** Four samples × two vectors of Z, accumulated over weight rows [k0, k1) in eight registers. */
    private static void forward4Samples2Vectors(float[][] in, float[][] w, float[][] z, int s, int j, int k0, int k1) {
        float[] i0 = in[s], i1 = in[s + 1], i2 = in[s + 2], i3 = in[s + 3];
        float[] z0 = z[s], z1 = z[s + 1], z2 = z[s + 2], z3 = z[s + 3];
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

    /**
     * Six samples × two vectors of Z in twelve registers: two weight loads feed twelve FMAs, against
     * eight for four samples, which is what lifts the kernel from about 50 to 57 GFLOP/s here.
     */
    private static void forward6Samples2Vectors(float[][] in, float[][] w, float[][] z, int s, int j, int k0, int k1) {
        float[] i0 = in[s], i1 = in[s + 1], i2 = in[s + 2], i3 = in[s + 3], i4 = in[s + 4], i5 = in[s + 5];
        float[] z0 = z[s], z1 = z[s + 1], z2 = z[s + 2], z3 = z[s + 3], z4 = z[s + 4], z5 = z[s + 5];
        FloatVector a00 = FloatVector.fromArray(S, z0, j);
        FloatVector a01 = FloatVector.fromArray(S, z0, j + L);
        FloatVector a10 = FloatVector.fromArray(S, z1, j);
        FloatVector a11 = FloatVector.fromArray(S, z1, j + L);
        FloatVector a20 = FloatVector.fromArray(S, z2, j);
        FloatVector a21 = FloatVector.fromArray(S, z2, j + L);
        FloatVector a30 = FloatVector.fromArray(S, z3, j);
        FloatVector a31 = FloatVector.fromArray(S, z3, j + L);
        FloatVector a40 = FloatVector.fromArray(S, z4, j);
        FloatVector a41 = FloatVector.fromArray(S, z4, j + L);
        FloatVector a50 = FloatVector.fromArray(S, z5, j);
        FloatVector a51 = FloatVector.fromArray(S, z5, j + L);
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
            x = FloatVector.broadcast(S, i4[k]);
            a40 = w0.fma(x, a40);
            a41 = w1.fma(x, a41);
            x = FloatVector.broadcast(S, i5[k]);
            a50 = w0.fma(x, a50);
            a51 = w1.fma(x, a51);
        }
        a00.intoArray(z0, j);
        a01.intoArray(z0, j + L);
        a10.intoArray(z1, j);
        a11.intoArray(z1, j + L);
        a20.intoArray(z2, j);
        a21.intoArray(z2, j + L);
        a30.intoArray(z3, j);
        a31.intoArray(z3, j + L);
        a40.intoArray(z4, j);
        a41.intoArray(z4, j + L);
        a50.intoArray(z5, j);
        a51.intoArray(z5, j + L);
    }

    /** Copies units [j, j + 2L) of W's rows [k0, k1) into {@code packed}, 2L values a row. */
    private static void pack(float[][] w, int j, int k0, int k1, float[] packed) {
        for (int k = k0, o = 0; k < k1; k++, o += 2 * L) {
            float[] wk = w[k];
            FloatVector.fromArray(S, wk, j).intoArray(packed, o);
            FloatVector.fromArray(S, wk, j + L).intoArray(packed, o + L);
        }
    }

    /**
     * {@link #forward4Samples2Vectors} from the packed slice of W: the four-sample blocks that follow
     * the six-sample ones of a batch (the last 8 of 32 samples, 8 of 128) read W where the six-sample
     * blocks do, from L1, instead of from W's rows (M2 at batch 32, JFR: 14 % of the step in the
     * unpacked kernel for a quarter of the samples, against 23 % for the other three quarters).
     */
    private static void forward4Samples2VectorsPacked(float[][] in, float[] packed, float[][] z, int s, int j, int k0, int k1) {
        float[] i0 = in[s], i1 = in[s + 1], i2 = in[s + 2], i3 = in[s + 3];
        float[] z0 = z[s], z1 = z[s + 1], z2 = z[s + 2], z3 = z[s + 3];
        FloatVector a00 = FloatVector.fromArray(S, z0, j);
        FloatVector a01 = FloatVector.fromArray(S, z0, j + L);
        FloatVector a10 = FloatVector.fromArray(S, z1, j);
        FloatVector a11 = FloatVector.fromArray(S, z1, j + L);
        FloatVector a20 = FloatVector.fromArray(S, z2, j);
        FloatVector a21 = FloatVector.fromArray(S, z2, j + L);
        FloatVector a30 = FloatVector.fromArray(S, z3, j);
        FloatVector a31 = FloatVector.fromArray(S, z3, j + L);
        for (int k = k0, o = 0; k < k1; k++, o += 2 * L) {
            FloatVector w0 = FloatVector.fromArray(S, packed, o);
            FloatVector w1 = FloatVector.fromArray(S, packed, o + L);
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

    /** {@link #forward6Samples2Vectors} reading the slice of W from {@link #pack}: the same FMAs in the same order. */
    private static void forward6Samples2VectorsPacked(float[][] in, float[] packed, float[][] z, int s, int j, int k0, int k1) {
        float[] i0 = in[s], i1 = in[s + 1], i2 = in[s + 2], i3 = in[s + 3], i4 = in[s + 4], i5 = in[s + 5];
        float[] z0 = z[s], z1 = z[s + 1], z2 = z[s + 2], z3 = z[s + 3], z4 = z[s + 4], z5 = z[s + 5];
        FloatVector a00 = FloatVector.fromArray(S, z0, j);
        FloatVector a01 = FloatVector.fromArray(S, z0, j + L);
        FloatVector a10 = FloatVector.fromArray(S, z1, j);
        FloatVector a11 = FloatVector.fromArray(S, z1, j + L);
        FloatVector a20 = FloatVector.fromArray(S, z2, j);
        FloatVector a21 = FloatVector.fromArray(S, z2, j + L);
        FloatVector a30 = FloatVector.fromArray(S, z3, j);
        FloatVector a31 = FloatVector.fromArray(S, z3, j + L);
        FloatVector a40 = FloatVector.fromArray(S, z4, j);
        FloatVector a41 = FloatVector.fromArray(S, z4, j + L);
        FloatVector a50 = FloatVector.fromArray(S, z5, j);
        FloatVector a51 = FloatVector.fromArray(S, z5, j + L);
        for (int k = k0, o = 0; k < k1; k++, o += 2 * L) {
            FloatVector w0 = FloatVector.fromArray(S, packed, o);
            FloatVector w1 = FloatVector.fromArray(S, packed, o + L);
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
        a00.intoArray(z0, j);
        a01.intoArray(z0, j + L);
        a10.intoArray(z1, j);
        a11.intoArray(z1, j + L);
        a20.intoArray(z2, j);
        a21.intoArray(z2, j + L);
        a30.intoArray(z3, j);
        a31.intoArray(z3, j + L);
        a40.intoArray(z4, j);
        a41.intoArray(z4, j + L);
        a50.intoArray(z5, j);
        a51.intoArray(z5, j + L);
    }

    /**
     * One sample × two vectors, summed in the same order as the blocks above (one chain per vector), so
     * that a sample's result never depends on the block it falls in.
     */
    private static void forward1Sample2Vectors(float[] in, float[][] w, float[] z, int j, int k0, int k1) {
        FloatVector a0 = FloatVector.fromArray(S, z, j);
        FloatVector a1 = FloatVector.fromArray(S, z, j + L);
        for (int k = k0; k < k1; k++) {
            FloatVector x = FloatVector.broadcast(S, in[k]);
            float[] wk = w[k];
            a0 = FloatVector.fromArray(S, wk, j).fma(x, a0);
            a1 = FloatVector.fromArray(S, wk, j + L).fma(x, a1);
        }
        a0.intoArray(z, j);
        a1.intoArray(z, j + L);
    }

    /** One sample × one vector, summed in the same order as {@link #forward4Samples1Vector}. */
    private static void forward1Sample1Vector(float[] in, float[][] w, float[] z, int j, int k0, int k1) {
        FloatVector a = FloatVector.fromArray(S, z, j);
        for (int k = k0; k < k1; k++) {
            a = FloatVector.fromArray(S, w[k], j).fma(FloatVector.broadcast(S, in[k]), a);
        }
        a.intoArray(z, j);
    }

    /**
     * Four rows of W at a time, one vector of sums each, over the whole of dz[s]; the sums' lanes are
     * added at the end and the units past the last whole vector one by one.
     */
    @Override
    public void inputGradient(float[][] dz, float[][] w, float[][] dx, int from, int to, int units, int inputs) {
        int vectors = units - units % L;
        if (vectors == 0) {
            // Narrower than one vector: the dot products one unit at a time. The vector loop below must
            // run at least once, or C2 boxes the sums it carries.
            for (int s = from; s < to; s++) {
                float[] d = dz[s];
                float[] x = dx[s];
                for (int k = 0; k < inputs; k++) {
                    x[k] = tail(d, w[k], 0, units);
                }
            }
            return;
        }
        for (int s = from; s < to; s++) {
            float[] d = dz[s];
            float[] x = dx[s];
            int k = 0;
            for (; k + 4 <= inputs; k += 4) {
                float[] w0 = w[k];
                float[] w1 = w[k + 1];
                float[] w2 = w[k + 2];
                float[] w3 = w[k + 3];
                FloatVector a0 = FloatVector.zero(S);
                FloatVector a1 = FloatVector.zero(S);
                FloatVector a2 = FloatVector.zero(S);
                FloatVector a3 = FloatVector.zero(S);
                for (int j = 0; j < vectors; j += L) {
                    FloatVector dj = FloatVector.fromArray(S, d, j);
                    a0 = FloatVector.fromArray(S, w0, j).fma(dj, a0);
                    a1 = FloatVector.fromArray(S, w1, j).fma(dj, a1);
                    a2 = FloatVector.fromArray(S, w2, j).fma(dj, a2);
                    a3 = FloatVector.fromArray(S, w3, j).fma(dj, a3);
                }
                x[k] = a0.reduceLanes(VectorOperators.ADD) + tail(d, w0, vectors, units);
                x[k + 1] = a1.reduceLanes(VectorOperators.ADD) + tail(d, w1, vectors, units);
                x[k + 2] = a2.reduceLanes(VectorOperators.ADD) + tail(d, w2, vectors, units);
                x[k + 3] = a3.reduceLanes(VectorOperators.ADD) + tail(d, w3, vectors, units);
            }
            for (; k < inputs; k++) {
                float[] wk = w[k];
                FloatVector a = FloatVector.zero(S);
                for (int j = 0; j < vectors; j += L) {
                    a = FloatVector.fromArray(S, wk, j).fma(FloatVector.fromArray(S, d, j), a);
                }
                x[k] = a.reduceLanes(VectorOperators.ADD) + tail(d, wk, vectors, units);
            }
        }
    }

    /** {@code Σ d[j]·w[j]} for j in [from, to): the units past a row's last whole vector. */
    private static float tail(float[] d, float[] w, int from, int to) {
        float sum = 0;
        for (int j = from; j < to; j++) {
            sum += d[j] * w[j];
        }
        return sum;
    }

    /**
     * A large batch's blocks of X ({@link #copyBlocks}); a small batch's six-row kernel keeps its twelve
     * vectors of sums there: 12 × L floats, more than one sample's chunk of rows (96) with 16 lanes.
     */
    @Override
    public int weightGradientScratch(int maxBatch) {
        return Math.max(ROW_CHUNK * maxBatch, 12 * L);
    }

    @Override
    public void weightGradient(float[][] in, float[][] dz, float[][] w, float[][] dw, int n, int rowFrom, int rowTo,
            int units, int unitFrom, int unitTo, float rate, boolean update, float[] scratch) {
        checkUnits(units, unitFrom, unitTo);
        if (unitFrom == unitTo) {
            return;
        }
        if (units < 2 * L && n >= NarrowKernels.MIN_BATCH) {
            NarrowKernels.weightGradient(in, dz, w, dw, n, rowFrom, rowTo, units, rate, update);
            return;
        }
        int wide = units - units % (2 * L);
        // A batch whose dZ does not fit in L1 goes two vectors of columns at a time through a chunk of rows, so
        // that this slice of dZ stays in L1 while the rows pass by, and the chunk's columns of X stay
        // in L2 across the slices; a small batch's dZ stays in L1 anyway.
        int slice = n <= SMALL_BATCH ? Math.max(wide, 2 * L) : 2 * L;
        // A range that starts past unit 0 is the second part of a layer split by units: it takes the
        // chunks of rows last to first, so that the line each row's two parts share (where one's
        // columns end and the other's begin) is written by the two cores at opposite ends of their
        // passes, not at the same moment. No row's result depends on the order. (Probe, M1 at batch
        // 32, halves on two threads: 73 µs in this order, 77 in the same order, one quiet run each.)
        boolean reverse = unitFrom > 0;
        int rowChunk = n <= SMALL_BATCH && !reverse ? Math.max(1, rowTo - rowFrom) : ROW_CHUNK;
        int chunks = (rowTo - rowFrom + rowChunk - 1) / rowChunk;
        boolean blocked = n > SMALL_BATCH;
        for (int m = 0; m < chunks; m++) {
            int c0 = rowFrom + (reverse ? chunks - 1 - m : m) * rowChunk;
            int c1 = Math.min(rowTo, c0 + rowChunk);
            int sixes = blocked || n >= SIX_ROWS_MIN_BATCH ? blocksOfSix(c1 - c0) : 0;
            if (blocked) {
                copyBlocks(in, n, c0, sixes, scratch);
            }
            for (int j0 = unitFrom; j0 < Math.min(wide, unitTo); j0 += slice) {
                int j1 = Math.min(Math.min(wide, unitTo), j0 + slice);
                int k = c0;
                for (int q = 0; q < sixes; q++, k += 6) {
                    if (blocked) {
                        gradientBlock6Rows2Vectors(scratch, q * 6 * n, dz, w, dw, k, j0, j1, n, rate, update);
                    } else {
                        gradient6Rows2Vectors(in, dz, w, dw, k, j0, j1, n, rate, update, scratch);
                    }
                }
                for (; k + 3 < c1; k += 4) {
                    gradient4Rows2Vectors(in, dz, w, dw, k, j0, j1, n, rate, update);
                }
                for (; k < c1; k++) {
                    gradient1Row2Vectors(in, dz, w, dw, k, j0, j1, n, rate, update);
                }
            }
        }
        if (wide < unitTo) {
            int k = rowFrom;
            for (; k + 3 < rowTo; k += 4) {
                int j = gradient4Rows1Vector(in, dz, w, dw, k, wide, n, units, rate, update);
                scalarColumns4Rows(in, dz, w, dw, k, j, n, units, rate, update);
            }
            for (; k < rowTo; k++) {
                int j = gradient1Row1Vector(in, dz, w, dw, k, wide, n, units, rate, update);
                scalarColumns(in, dz, w[k], dw[k], k, j, n, units, rate, update);
            }
        }
    }

    /**
     * Copies columns [c0, c0 + 6·sixes) of the samples' rows into {@code blocks}, six columns at a time:
     * block q holds X[s][c0 + 6q + i] at {@code 6nq + 6s + i}. A large batch's rows of X are far apart
     * (3 KB for M1's input) and the six-row kernel read six values from each of them in turn; read from
     * one contiguous block instead, the weight gradient of M1's first layer at batch 128 ran at
     * 61–70 GFLOP/s against 35–47, the rate of the forward kernel. The 8-lane moves copy M1's
     * input at batch 128 in 19–20 µs against 50 value by value (probe, 768 rows).
     */
    private static void copyBlocks(float[][] in, int n, int c0, int sixes, float[] blocks) {
        // One vector move per block: its lanes past the sixth land on the next samples' first values,
        // which those samples then overwrite. A sample whose move would run past the end of the block,
        // and a block whose lanes would run past the row, are copied value by value.
        for (int s = 0; s < n; s++) {
            float[] x = in[s];
            int fit = x.length - L - c0;
            int moves = 6 * s + L > 6 * n || fit < 0 ? 0 : Math.min(sixes, fit / 6 + 1);
            int q = 0;
            for (int o = 6 * s, k = c0; q < moves; q++, o += 6 * n, k += 6) {
                FloatVector.fromArray(S, x, k).intoArray(blocks, o);
            }
            copySixes(x, c0, q, sixes, 6 * n, 6 * s, blocks);
        }
    }

    /** Blocks [q0, q1) of one sample's row, value by value: its six values at {@code o + 6nq}. */
    private static void copySixes(float[] x, int c0, int q0, int q1, int stride, int o, float[] blocks) {
        for (int q = q0, p = o + q0 * stride, k = c0 + 6 * q0; q < q1; q++, p += stride, k += 6) {
            blocks[p] = x[k];
            blocks[p + 1] = x[k + 1];
            blocks[p + 2] = x[k + 2];
            blocks[p + 3] = x[k + 3];
            blocks[p + 4] = x[k + 4];
            blocks[p + 5] = x[k + 5];
        }
    }

    /**
     * {@link #gradient6Rows2Vectors} reading the six columns of X from the block at {@code base} of
     * {@link #copyBlocks}: the same FMAs in the same order, so the same bits.
     */
    private static void gradientBlock6Rows2Vectors(float[] blocks, int base, float[][] dz, float[][] w, float[][] dw, int k,
            int j0, int j1, int n, float rate, boolean update) {
        for (int j = j0; j < j1; j += 2 * L) {
            FloatVector a00 = FloatVector.zero(S), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00;
            FloatVector a30 = a00, a31 = a00, a40 = a00, a41 = a00, a50 = a00, a51 = a00;
            for (int s = 0, o = base; s < n; s++, o += 6) {
                float[] d = dz[s];
                FloatVector d0 = FloatVector.fromArray(S, d, j);
                FloatVector d1 = FloatVector.fromArray(S, d, j + L);
                FloatVector x0 = FloatVector.broadcast(S, blocks[o]);
                a00 = d0.fma(x0, a00);
                a01 = d1.fma(x0, a01);
                FloatVector x1 = FloatVector.broadcast(S, blocks[o + 1]);
                a10 = d0.fma(x1, a10);
                a11 = d1.fma(x1, a11);
                FloatVector x2 = FloatVector.broadcast(S, blocks[o + 2]);
                a20 = d0.fma(x2, a20);
                a21 = d1.fma(x2, a21);
                FloatVector x3 = FloatVector.broadcast(S, blocks[o + 3]);
                a30 = d0.fma(x3, a30);
                a31 = d1.fma(x3, a31);
                FloatVector x4 = FloatVector.broadcast(S, blocks[o + 4]);
                a40 = d0.fma(x4, a40);
                a41 = d1.fma(x4, a41);
                FloatVector x5 = FloatVector.broadcast(S, blocks[o + 5]);
                a50 = d0.fma(x5, a50);
                a51 = d1.fma(x5, a51);
            }
            if (update) {
                float[] w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3], w4 = w[k + 4], w5 = w[k + 5];
                FloatVector.fromArray(S, w0, j).sub(a00.mul(rate)).intoArray(w0, j);
                FloatVector.fromArray(S, w0, j + L).sub(a01.mul(rate)).intoArray(w0, j + L);
                FloatVector.fromArray(S, w1, j).sub(a10.mul(rate)).intoArray(w1, j);
                FloatVector.fromArray(S, w1, j + L).sub(a11.mul(rate)).intoArray(w1, j + L);
                FloatVector.fromArray(S, w2, j).sub(a20.mul(rate)).intoArray(w2, j);
                FloatVector.fromArray(S, w2, j + L).sub(a21.mul(rate)).intoArray(w2, j + L);
                FloatVector.fromArray(S, w3, j).sub(a30.mul(rate)).intoArray(w3, j);
                FloatVector.fromArray(S, w3, j + L).sub(a31.mul(rate)).intoArray(w3, j + L);
                FloatVector.fromArray(S, w4, j).sub(a40.mul(rate)).intoArray(w4, j);
                FloatVector.fromArray(S, w4, j + L).sub(a41.mul(rate)).intoArray(w4, j + L);
                FloatVector.fromArray(S, w5, j).sub(a50.mul(rate)).intoArray(w5, j);
                FloatVector.fromArray(S, w5, j + L).sub(a51.mul(rate)).intoArray(w5, j + L);
            } else {
                a00.intoArray(dw[k], j);
                a01.intoArray(dw[k], j + L);
                a10.intoArray(dw[k + 1], j);
                a11.intoArray(dw[k + 1], j + L);
                a20.intoArray(dw[k + 2], j);
                a21.intoArray(dw[k + 2], j + L);
                a30.intoArray(dw[k + 3], j);
                a31.intoArray(dw[k + 3], j + L);
                a40.intoArray(dw[k + 4], j);
                a41.intoArray(dw[k + 4], j + L);
                a50.intoArray(dw[k + 5], j);
                a51.intoArray(dw[k + 5], j + L);
            }
        }
    }

    /**
     * Rows k..k+5 of the gradient over the two-vector blocks in [j0, j1), twelve accumulators summed over
     * the samples in order: two loads of dZ feed twelve FMAs. With {@code update} the step is taken,
     * otherwise the gradient is stored. The sums leave the registers through {@code sums} (twelve vectors),
     * and the step or the store reads them from there, a row at a time in a loop.
     * <p>Written out for all twelve vectors (48 more vector operations), the step made this method
     * too much for C2 in some JVMs: it left the last six stores as calls and boxed their vectors.
     * M2 at batch 32 then allocated 0.77–0.93 MB and took 870–890 µs per step instead of 590, in
     * three to six of eight JMH forks (JDK 17). Through {@code sums}: no fork allocated in sixteen,
     * at 612–660 µs; the kernel alone is about 9 % slower than with the step in registers.
     */
    private static void gradient6Rows2Vectors(float[][] in, float[][] dz, float[][] w, float[][] dw, int k, int j0, int j1,
            int n, float rate, boolean update, float[] sums) {
        for (int j = j0; j < j1; j += 2 * L) {
            FloatVector a00 = FloatVector.zero(S), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00;
            FloatVector a30 = a00, a31 = a00, a40 = a00, a41 = a00, a50 = a00, a51 = a00;
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
                FloatVector x4 = FloatVector.broadcast(S, x[k + 4]);
                a40 = d0.fma(x4, a40);
                a41 = d1.fma(x4, a41);
                FloatVector x5 = FloatVector.broadcast(S, x[k + 5]);
                a50 = d0.fma(x5, a50);
                a51 = d1.fma(x5, a51);
            }
            a00.intoArray(sums, 0);
            a01.intoArray(sums, L);
            a10.intoArray(sums, 2 * L);
            a11.intoArray(sums, 3 * L);
            a20.intoArray(sums, 4 * L);
            a21.intoArray(sums, 5 * L);
            a30.intoArray(sums, 6 * L);
            a31.intoArray(sums, 7 * L);
            a40.intoArray(sums, 8 * L);
            a41.intoArray(sums, 9 * L);
            a50.intoArray(sums, 10 * L);
            a51.intoArray(sums, 11 * L);
            if (update) {
                for (int r = 0, o = 0; r < 6; r++, o += 2 * L) {
                    float[] row = w[k + r];
                    FloatVector.fromArray(S, row, j).sub(FloatVector.fromArray(S, sums, o).mul(rate)).intoArray(row, j);
                    FloatVector.fromArray(S, row, j + L).sub(FloatVector.fromArray(S, sums, o + L).mul(rate))
                            .intoArray(row, j + L);
                }
            } else {
                for (int r = 0; r < 6; r++) {
                    System.arraycopy(sums, 2 * L * r, dw[k + r], j, 2 * L);
                }
            }
        }
    }

    /** Rows k..k+3 of the gradient over the two-vector blocks in [j0, j1), as {@link #gradient6Rows2Vectors}. */
    private static void gradient4Rows2Vectors(float[][] in, float[][] dz, float[][] w, float[][] dw, int k, int j0, int j1,
            int n, float rate, boolean update) {
        for (int j = j0; j < j1; j += 2 * L) {
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
    }

    /** Row k of the gradient over the two-vector blocks in [j0, j1). */
    private static void gradient1Row2Vectors(float[][] in, float[][] dz, float[][] w, float[][] dw, int k, int j0, int j1,
            int n, float rate, boolean update) {
        float[] target = update ? w[k] : dw[k];
        for (int j = j0; j < j1; j += 2 * L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0;
            for (int s = 0; s < n; s++) {
                float[] d = dz[s];
                FloatVector x = FloatVector.broadcast(S, in[s][k]);
                a0 = FloatVector.fromArray(S, d, j).fma(x, a0);
                a1 = FloatVector.fromArray(S, d, j + L).fma(x, a1);
            }
            if (update) {
                FloatVector.fromArray(S, target, j).sub(a0.mul(rate)).intoArray(target, j);
                FloatVector.fromArray(S, target, j + L).sub(a1.mul(rate)).intoArray(target, j + L);
            } else {
                a0.intoArray(target, j);
                a1.intoArray(target, j + L);
            }
        }
    }

    /** Rows k..k+3 of the gradient in blocks of one vector from {@code j}, returning the first unit not done. */
    private static int gradient4Rows1Vector(float[][] in, float[][] dz, float[][] w, float[][] dw, int k, int j, int n,
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

    /** Row k of the gradient in blocks of one vector from {@code j}, returning the first unit not done. */
    private static int gradient1Row1Vector(float[][] in, float[][] dz, float[][] w, float[][] dw, int k, int j, int n,
            int units, float rate, boolean update) {
        float[] target = update ? w[k] : dw[k];
        for (; j + L <= units; j += L) {
            FloatVector a = FloatVector.zero(S);
            for (int s = 0; s < n; s++) {
                a = FloatVector.fromArray(S, dz[s], j).fma(FloatVector.broadcast(S, in[s][k]), a);
            }
            if (update) {
                FloatVector.fromArray(S, target, j).sub(a.mul(rate)).intoArray(target, j);
            } else {
                a.intoArray(target, j);
            }
        }
        return j;
    }

    /**
     * Columns [from, units) of row k over the samples, one element at a time, four columns side by
     * side (or two) so that their sums do not wait on one another; each is summed over the samples in order.
     */
    private static void scalarColumns(float[][] in, float[][] dz, float[] w, float[] dw, int k, int from, int n,
            int units, float rate, boolean update) {
        int j = from;
        for (; j + 3 < units; j += 4) {
            float g0 = 0f, g1 = 0f, g2 = 0f, g3 = 0f;
            for (int s = 0; s < n; s++) {
                float x = in[s][k];
                float[] d = dz[s];
                g0 += x * d[j];
                g1 += x * d[j + 1];
                g2 += x * d[j + 2];
                g3 += x * d[j + 3];
            }
            store(w, dw, j, g0, rate, update);
            store(w, dw, j + 1, g1, rate, update);
            store(w, dw, j + 2, g2, rate, update);
            store(w, dw, j + 3, g3, rate, update);
        }
        for (; j + 1 < units; j += 2) {
            float g0 = 0f, g1 = 0f;
            for (int s = 0; s < n; s++) {
                float x = in[s][k];
                float[] d = dz[s];
                g0 += x * d[j];
                g1 += x * d[j + 1];
            }
            store(w, dw, j, g0, rate, update);
            store(w, dw, j + 1, g1, rate, update);
        }
        for (; j < units; j++) {
            float g = 0f;
            for (int s = 0; s < n; s++) {
                g += in[s][k] * dz[s][j];
            }
            store(w, dw, j, g, rate, update);
        }
    }

    /** Columns [from, units) of rows k..k+3: four sums side by side per column, each over the samples in order. */
    private static void scalarColumns4Rows(float[][] in, float[][] dz, float[][] w, float[][] dw, int k, int from,
            int n, int units, float rate, boolean update) {
        for (int j = from; j < units; j++) {
            float g0 = 0f, g1 = 0f, g2 = 0f, g3 = 0f;
            for (int s = 0; s < n; s++) {
                float[] x = in[s];
                float d = dz[s][j];
                g0 += x[k] * d;
                g1 += x[k + 1] * d;
                g2 += x[k + 2] * d;
                g3 += x[k + 3] * d;
            }
            store(w[k], dw[k], j, g0, rate, update);
            store(w[k + 1], dw[k + 1], j, g1, rate, update);
            store(w[k + 2], dw[k + 2], j, g2, rate, update);
            store(w[k + 3], dw[k + 3], j, g3, rate, update);
        }
    }

    static void store(float[] w, float[] dw, int j, float g, float rate, boolean update) {
        if (update) {
            w[j] -= rate * g;
        } else {
            dw[j] = g;
        }
    }
}
