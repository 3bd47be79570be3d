package dev.straightline.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * One SGD step of the 784-128-10 network, on one network whose iterations alternate one thread and
 * two: even iterations run with {@code setThreads(1)}, odd ones with {@code setThreads(2)}. On a
 * shared host whose second core comes and goes, separate forks of one and two threads meet
 * different moments; two neighbouring iterations meet nearly the same one. {@code summarize.py}
 * gives each pair's speedup and their median.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 30, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AlternatingThreadsBenchmark {
    @Param({"32", "128"})
    int batch;

    private Mnist128Net net;
    private float[] x;
    private int[] labels;
    private int warmups;
    private int measurements;

    @Setup
    public void setUp() {
        net = new Mnist128Net(1);
        x = Inputs.pixels(batch, 2);
        labels = Inputs.labels(batch, 3);
    }

    /** One thread in even iterations, two in odd ones, counted separately for warm-up and measurement. */
    @Setup(Level.Iteration)
    public void chooseThreads(IterationParams iteration) {
        int index = iteration.getType() == IterationType.MEASUREMENT ? measurements++ : warmups++;
        net.setThreads(index % 2 == 0 ? 1 : 2);
    }

    @TearDown
    public void tearDown() {
        net.setThreads(1);
    }

    @Benchmark
    public float plain() {
        return net.trainBatch(x, labels, batch);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
    public float vector() {
        return net.trainBatch(x, labels, batch);
    }
}
