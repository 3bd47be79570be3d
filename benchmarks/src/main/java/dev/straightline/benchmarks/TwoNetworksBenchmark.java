package dev.straightline.benchmarks;

import dev.straightline.internal.Team;
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
 * What the two cores give for this very work when nothing is shared, next to what one network's
 * step gets from them. Iterations cycle through three kinds:
 * <ol start="0">
 *   <li>one SGD step of the 784-128-10 network on one thread;
 *   <li>the same step on two threads ({@code setThreads(2)}): the two cores share its weights,
 *       activations and gradients;
 *   <li>one step of that network on this thread and, at the same time, one step of a second
 *       network of the same shape (its own weights and inputs) on the helper of a {@link Team}:
 *       the same work per core as one step on one thread, nothing written that the other core
 *       reads, and the handoff a shared step uses.
 * </ol>
 * Kind 2 does two steps per operation: two cores that do not slow each other down finish it in
 * the time of kind 0. {@code summarize.py} groups each three neighbouring iterations and prints the
 * shared step's speedup (kind 0 / kind 1), the independent steps' (2 × kind 0 / kind 2), and the
 * one as a fraction of the other: what sharing one network costs, apart from what the host's cores
 * give at that moment.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 9, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 36, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
public class TwoNetworksBenchmark {
    @Param({"32", "128"})
    int batch;

    private Mnist128Net net;
    private Mnist128Net other;
    private float[] x;
    private float[] otherX;
    private int[] labels;
    private int[] otherLabels;
    private Team team;
    private float otherLoss;
    private int kind;
    private int warmups;
    private int measurements;

    @Setup
    public void setUp() {
        net = new Mnist128Net(1);
        other = new Mnist128Net(2);
        x = Inputs.pixels(batch, 2);
        labels = Inputs.labels(batch, 3);
        otherX = Inputs.pixels(batch, 4);
        otherLabels = Inputs.labels(batch, 5);
        team = new Team(this::stepEach, "two-networks");
    }

    /** The kind of this iteration, counted separately for warm-up and measurement. */
    @Setup(Level.Iteration)
    public void chooseKind(IterationParams iteration) {
        int index = iteration.getType() == IterationType.MEASUREMENT ? measurements++ : warmups++;
        kind = index % 3;
        net.setThreads(kind == 1 ? 2 : 1);
    }

    @TearDown
    public void tearDown() {
        net.setThreads(1);
        team.close();
    }

    @Benchmark
    public float vector() {
        if (kind < 2) {
            return net.trainBatch(x, labels, batch);
        }
        team.run(0);
        return otherLoss;
    }

    /** Part 0, on this thread: a step of the measured network; part 1, on the helper: a step of the other. */
    private void stepEach(int job, int part) {
        if (part == 0) {
            net.trainBatch(x, labels, batch);
        } else {
            otherLoss = other.trainBatch(otherX, otherLabels, batch);
        }
    }
}
