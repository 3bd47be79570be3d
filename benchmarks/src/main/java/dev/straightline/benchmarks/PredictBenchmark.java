package dev.straightline.benchmarks;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Single-sample prediction of the 784-128-10 network: generated versus hand-written. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PredictBenchmark {
    private Mnist128Net generated;
    private HandWrittenMlp handWritten;
    private float[] x;
    private final float[] out = new float[10];

    @Setup
    public void setUp() {
        generated = new Mnist128Net(1);
        handWritten = new HandWrittenMlp(1, 0.01f);
        handWritten.copyWeightsFrom(generated);
        x = Inputs.pixels(1, 4);
    }

    @Benchmark
    public float[] generated() {
        generated.predict(x, out);
        return out;
    }

    /** The same generated class, in a JVM started with the Vector API: the kernels take over. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
    public float[] generatedVector() {
        generated.predict(x, out);
        return out;
    }

    /**
     * The same, on two threads: while the helper is awake (predictions less than a millisecond apart),
     * each core computes half the first layer's units from its half of W.
     */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
    public float[] generatedVectorTwoThreads(TwoThreads two) {
        two.net.predict(x, out);
        return out;
    }

    /** The two-thread network, set up only in the fork that uses it, so that no other fork has a helper. */
    @State(Scope.Thread)
    public static class TwoThreads {
        final Mnist128Net net = new Mnist128Net(1);

        @Setup
        public void start() {
            net.setThreads(2);
        }

        @TearDown
        public void stop() {
            net.setThreads(1);
        }
    }

    @Benchmark
    public float[] handWritten() {
        handWritten.predict(x, out);
        return out;
    }
}
