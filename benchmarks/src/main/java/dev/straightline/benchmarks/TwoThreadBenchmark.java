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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One SGD step of the 784-128-10 network on one thread and on two ({@code setThreads(2)}: the
 * caller and one persistent helper), in the same JVM, plain Java and with the Vector API.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TwoThreadBenchmark {
    @Param({"32", "128"})
    int batch;

    private Mnist128Net oneThread;
    private Mnist128Net twoThreads;
    private float[] x;
    private int[] labels;

    @Setup
    public void setUp() {
        oneThread = new Mnist128Net(1);
        twoThreads = new Mnist128Net(1);
        twoThreads.setThreads(2);
        x = Inputs.pixels(batch, 2);
        labels = Inputs.labels(batch, 3);
    }

    @TearDown
    public void tearDown() {
        twoThreads.setThreads(1);
    }

    @Benchmark
    public float oneThread() {
        return oneThread.trainBatch(x, labels, batch);
    }

    @Benchmark
    public float twoThreads() {
        return twoThreads.trainBatch(x, labels, batch);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
    public float oneThreadVector() {
        return oneThread.trainBatch(x, labels, batch);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
    public float twoThreadsVector() {
        return twoThreads.trainBatch(x, labels, batch);
    }
}
