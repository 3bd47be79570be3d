package dev.straightline.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tiny networks written as straight-line code against the generator's own loop form
 * ({@code straightLine = false}): prediction of 1,024 samples per call, as in
 * {@code anchors/jvm-limits.md} Q3, and a training step of 32 samples.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TinyBenchmark {
    private final Tiny483Net straight483 = new Tiny483Net(1);
    private final Tiny483LoopsNet loops483 = new Tiny483LoopsNet(1);
    private final Tiny2161Net straight2161 = new Tiny2161Net(1);
    private final Tiny2161LoopsNet loops2161 = new Tiny2161LoopsNet(1);
    private float[] x4;
    private float[] x2;
    private int[] labels;
    private float[] targets;
    private final float[] out = new float[1024 * 3];

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(3);
        x4 = new float[1024 * 4];
        x2 = new float[1024 * 2];
        for (int i = 0; i < x4.length; i++) {
            x4[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < x2.length; i++) {
            x2[i] = (float) random.nextGaussian();
        }
        labels = new int[32];
        targets = new float[32];
        for (int i = 0; i < 32; i++) {
            labels[i] = random.nextInt(3);
            targets[i] = random.nextInt(2);
        }
    }

    @Benchmark
    public float[] predict483StraightLine() {
        straight483.predict(x4, 1024, out);
        return out;
    }

    @Benchmark
    public float[] predict483Loops() {
        loops483.predict(x4, 1024, out);
        return out;
    }

    @Benchmark
    public float[] predict2161StraightLine() {
        straight2161.predict(x2, 1024, out);
        return out;
    }

    @Benchmark
    public float[] predict2161Loops() {
        loops2161.predict(x2, 1024, out);
        return out;
    }

    @Benchmark
    public float train483StraightLine() {
        return straight483.trainBatch(x4, labels, 32);
    }

    @Benchmark
    public float train483Loops() {
        return loops483.trainBatch(x4, labels, 32);
    }

    @Benchmark
    public float train2161StraightLine() {
        return straight2161.trainBatch(x2, targets, 32);
    }

    @Benchmark
    public float train2161Loops() {
        return loops2161.trainBatch(x2, targets, 32);
    }
}
