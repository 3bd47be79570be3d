package dev.straightline.benchmarks;

import dev.straightline.internal.Chunks;
import dev.straightline.internal.Team;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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
 * How close the two-thread step of the Vector API path comes to what two cores of this machine give
 * at that moment. Iterations cycle through four kinds:
 * <ol start="0">
 *   <li>one SGD step of the 784-128-10 network on one thread;
 *   <li>the same step on two threads ({@code setThreads(2)});
 *   <li>the ceiling on one thread: {@value #CHUNKS} chunks of an FMA loop that touches no memory
 *       (eight accumulators, as {@link PeakBenchmark#fmaPeak}), one after the other;
 *   <li>the ceiling on two threads: the same chunks shared by the two threads of a {@link Team},
 *       first come, first served ({@link Chunks}), with the handoff a step's jobs use.
 * </ol>
 * The ceiling lasts about as long as a one-thread step. Nothing a step does to its caches can slow
 * it down, only the cores themselves (their clock, or a neighbour on the same physical core), and
 * a slower core takes fewer chunks: its speedup is what the two cores give together at that
 * moment, the most any two-thread step can get. {@code summarize.py} groups each four neighbouring iterations and prints the step's
 * speedup, the ceiling's, and the one as a fraction of the other.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 48, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
public class TwoThreadCeilingBenchmark {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int CHUNKS = 16;

    @Param({"32", "128"})
    int batch;

    private final float[] seed = {1.0001f, 0.9999f, 1.0002f, 0.9998f, 1.0003f, 0.9997f, 1.0004f, 0.9996f};
    /** Each part's sum of its chunks' results, far apart so that the two cores never write one cache line. */
    private final float[] sums = new float[64];
    private Mnist128Net net;
    private float[] x;
    private int[] labels;
    private Team team;
    private final Chunks chunks = new Chunks();
    private int stepsPerChunk;
    private int kind;
    private int warmups;
    private int measurements;

    @Setup
    public void setUp() {
        net = new Mnist128Net(1);
        x = Inputs.pixels(batch, 2);
        labels = Inputs.labels(batch, 3);
        stepsPerChunk = batch * 128;
        team = new Team(this::ceilingPart, "ceiling");
    }

    /** The kind of this iteration, counted separately for warm-up and measurement. */
    @Setup(Level.Iteration)
    public void chooseKind(IterationParams iteration) {
        int index = iteration.getType() == IterationType.MEASUREMENT ? measurements++ : warmups++;
        kind = index % 4;
        net.setThreads(kind == 1 ? 2 : 1);
    }

    @TearDown
    public void tearDown() {
        net.setThreads(1);
        team.close();
    }

    @Benchmark
    public float vector() {
        switch (kind) {
            case 0:
            case 1:
                return net.trainBatch(x, labels, batch);
            case 2:
                chunks.reset();
                ceilingPart(0, 0);
                return sums[0];
            default:
                chunks.reset();
                team.run(0);
                return sums[0] + sums[32];
        }
    }

    /**
     * Compiled on its own, never inlined into the benchmark method: in one run the caller's inlined
     * copy of the FMA loop ran 35× slower than the helper's (the Vector API falls back to Java objects
     * when C2 does not intrinsify it), which measured the JIT, not the cores.
     */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private void ceilingPart(int job, int part) {
        float sum = 0;
        for (int taken = 0; chunks.next(part, taken, CHUNKS) >= 0; taken++) {
            sum += fmaLoop(stepsPerChunk);
        }
        sums[part * 32] = sum;
    }

    /**
     * {@link PeakBenchmark#fmaPeak}'s loop, written again on purpose: moved into one static method
     * that both called, the peak ran 35× slower in one of two runs (109 µs against 3.1 µs per call),
     * the Vector API's fallback when C2 does not intrinsify it; written inside its benchmark method
     * the peak has been intrinsified in every run.
     */
    private float fmaLoop(int steps) {
        FloatVector a = FloatVector.fromArray(S, seed, 0);
        FloatVector b = a.mul(0.5f);
        FloatVector c0 = a, c1 = b, c2 = a.add(b), c3 = a.sub(b), c4 = a.mul(b), c5 = b.mul(b), c6 = a.mul(a), c7 = b.add(b);
        for (int i = 0; i < steps; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).reduceLanes(VectorOperators.ADD);
    }
}
