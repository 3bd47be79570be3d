package dev.straightline.benchmarks;

import dev.straightline.internal.DenseKernels;
import dev.straightline.internal.Simd;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two Vector API kernels that take most of an M1 step, alone, on its first layer (784 → 128):
 * the forward pass Z = X·W + b and the weight gradient with the SGD step fused. Each call is
 * 2 · batch · 784 · 128 FLOPs; {@code summarize.py} prints them as fractions of the peak, which shows
 * which kernel keeps a step below its target.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
public class KernelBenchmark {
    static final int INPUTS = 784;
    static final int UNITS = 128;

    @Param({"32", "128"})
    int batch;

    private DenseKernels kernels;
    private float[][] x;
    private float[][] w;
    private final float[] b = new float[UNITS];
    private float[][] z;
    private float[][] dz;
    private float[][] dw;
    private float[] scratch;

    @Setup
    public void setUp() {
        if (!Simd.ENABLED) {
            throw new IllegalStateException("KernelBenchmark needs --add-modules jdk.incubator.vector");
        }
        kernels = Simd.kernels();
        SplittableRandom random = new SplittableRandom(6);
        x = rows(batch, INPUTS, random, 1);
        w = rows(INPUTS, UNITS, random, 0.05);
        z = new float[batch][UNITS];
        dz = rows(batch, UNITS, random, 0.01);
        dw = new float[INPUTS][UNITS];
        scratch = new float[kernels.weightGradientScratch(batch)];
    }

    private static float[][] rows(int count, int width, SplittableRandom random, double scale) {
        float[][] rows = new float[count][width];
        for (float[] row : rows) {
            for (int i = 0; i < width; i++) {
                row[i] = (float) (random.nextDouble() * scale);
            }
        }
        return rows;
    }

    @Benchmark
    public float[][] forward() {
        kernels.forward(x, w, b, z, 0, batch, INPUTS, UNITS);
        return z;
    }

    /** A tiny rate: the weights stay where they are over millions of calls. */
    @Benchmark
    public float[][] weightGradientAndStep() {
        kernels.weightGradient(x, dz, w, dw, batch, 0, INPUTS, UNITS, 1e-12f, true, scratch);
        return w;
    }
}
