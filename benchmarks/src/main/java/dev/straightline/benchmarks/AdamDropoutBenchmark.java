package dev.straightline.benchmarks;

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
 * One training step of M1 with Adam and dropout against the same network with plain SGD, for the
 * cost of the optimizer's state and the masks; run with {@code -prof gc} to see that neither allocates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AdamDropoutBenchmark {
    @Param({"32"})
    int batch;

    private Mnist128Net sgd;
    private Mnist128AdamDropoutNet adamDropout;
    private float[] x;
    private int[] labels;

    @Setup
    public void setUp() {
        sgd = new Mnist128Net(1);
        adamDropout = new Mnist128AdamDropoutNet(1);
        x = Inputs.pixels(batch, 2);
        labels = Inputs.labels(batch, 3);
    }

    @Benchmark
    public float sgd() {
        return sgd.trainBatch(x, labels, batch);
    }

    @Benchmark
    public float adamDropout() {
        return adamDropout.trainBatch(x, labels, batch);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
    public float adamDropoutVector() {
        return adamDropout.trainBatch(x, labels, batch);
    }
}
