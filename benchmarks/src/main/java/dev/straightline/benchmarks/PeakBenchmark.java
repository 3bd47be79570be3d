package dev.straightline.benchmarks;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one core can do at most. {@link #fmaPeak}: the single-core FMA peak every other figure is a
 * fraction of, eight independent 256-bit FMA accumulators, enough to hide the FMA latency
 * ({@code anchors/jvm-limits.md}, Q1); {@value #STEPS} steps × 8 accumulators × 8 lanes × 2 FLOPs
 * per call. {@link #fmaPeak512}: the same with 512-bit vectors, on a CPU that has them (AVX-512), where
 * it is about twice {@link #fmaPeak}; the kernels take 256-bit vectors, so they can reach half of it at
 * most. {@link #readFirstLayerWeights}: the floor under a single-sample {@code predict} of M1,
 * which must read the 784 × 128 first-layer weights once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
public class PeakBenchmark {
    static final int STEPS = 2048;
    static final long FLOPS_PER_CALL = STEPS * 8L * 8 * 2;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> S512 = FloatVector.SPECIES_512;
    /** M1's first-layer weights, 401,408 bytes, as one contiguous array: the best case for the hardware prefetchers. */
    static final int FIRST_LAYER_WEIGHTS = 784 * 128;
    private final float[] seed = {1.0001f, 0.9999f, 1.0002f, 0.9998f, 1.0003f, 0.9997f, 1.0004f, 0.9996f};
    private final float[] firstLayer = Inputs.pixels(128, 5);

    @Benchmark
    public float fmaPeak() {
        FloatVector a = FloatVector.fromArray(S, seed, 0);
        FloatVector b = a.mul(0.5f);
        FloatVector c0 = a, c1 = b, c2 = a.add(b), c3 = a.sub(b), c4 = a.mul(b), c5 = b.mul(b), c6 = a.mul(a), c7 = b.add(b);
        for (int i = 0; i < STEPS; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /**
     * {@link #fmaPeak} with 512-bit vectors: twice the FLOPs per call. Refused on a CPU without them,
     * where the Vector API would emulate them in Java.
     */
    @Benchmark
    public float fmaPeak512(Wide wide) {
        FloatVector a = FloatVector.broadcast(S512, 1.0001f);
        FloatVector b = a.mul(0.5f);
        FloatVector c0 = a, c1 = b, c2 = a.add(b), c3 = a.sub(b), c4 = a.mul(b), c5 = b.mul(b), c6 = a.mul(a), c7 = b.add(b);
        for (int i = 0; i < STEPS; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /** Lets {@link #fmaPeak512} run only where the hardware has 512-bit vectors. */
    @State(Scope.Thread)
    public static class Wide {
        @org.openjdk.jmh.annotations.Setup
        public void requireWideVectors() {
            if (FloatVector.SPECIES_PREFERRED.vectorBitSize() < 512) {
                throw new IllegalStateException("this CPU has no 512-bit vectors: no 512-bit peak to measure");
            }
        }
    }

    /**
     * Reads M1's first-layer weights once, as a prediction must, with eight vector accumulators and
     * one add per load. The weights stay in cache between calls, as they do between predictions.
     */
    @Benchmark
    public float readFirstLayerWeights() {
        float[] w = firstLayer;
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int i = 0; i < FIRST_LAYER_WEIGHTS; i += 64) {
            c0 = c0.add(FloatVector.fromArray(S, w, i));
            c1 = c1.add(FloatVector.fromArray(S, w, i + 8));
            c2 = c2.add(FloatVector.fromArray(S, w, i + 16));
            c3 = c3.add(FloatVector.fromArray(S, w, i + 24));
            c4 = c4.add(FloatVector.fromArray(S, w, i + 32));
            c5 = c5.add(FloatVector.fromArray(S, w, i + 40));
            c6 = c6.add(FloatVector.fromArray(S, w, i + 48));
            c7 = c7.add(FloatVector.fromArray(S, w, i + 56));
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
