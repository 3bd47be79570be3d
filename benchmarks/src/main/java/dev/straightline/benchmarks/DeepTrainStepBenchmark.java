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

/** One SGD step of the 784-256-128-10 network (M2): generated versus hand-written, same weights, same batch. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DeepTrainStepBenchmark {
    @Param({"1", "32", "128"})
    int batch;

    private Mnist256x128Net generated;
    private HandWrittenDeepMlp handWritten;
    private float[] x;
    private int[] labels;

    @Setup
    public void setUp() {
        generated = new Mnist256x128Net(1);
        handWritten = new HandWrittenDeepMlp(128, 0.01f);
        handWritten.copyWeightsFrom(generated);
        x = Inputs.pixels(batch, 2);
        labels = Inputs.labels(batch, 3);
    }

    @Benchmark
    public float generated() {
        return generated.trainBatch(x, labels, batch);
    }

    /** The same generated class, in a JVM started with the Vector API: the kernels take over. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
    public float generatedVector() {
        return generated.trainBatch(x, labels, batch);
    }

    @Benchmark
    public float handWritten() {
        return handWritten.trainBatch(x, labels, batch);
    }
}
