package dev.straightline.network;

import static dev.straightline.network.GeneratedApiTest.randomInputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.nets.BroadNet;
import dev.straightline.nets.ClassifierNet;
import dev.straightline.nets.DecimalNet;
import dev.straightline.nets.DroppingFloatNet;
import dev.straightline.nets.RegressionNet;
import dev.straightline.nets.TiledNet;
import dev.straightline.nets.WideAdamWNet;
import dev.straightline.nets.WideNet;
import dev.straightline.runtime.Batch;
import dev.straightline.runtime.DataSet;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Training steps and predictions allocate nothing: every buffer is made with the network.
 * Measured with the thread's allocation counter around many calls, after a warm-up. The JIT may
 * still be compiling during a round (Vector API code boxes every vector until C2 has compiled it,
 * and on two cores C2's queue can hold a method back for a few hundred milliseconds while the rounds
 * run), so the quietest of up to {@value #ROUNDS} rounds must be exactly zero; an allocation in the
 * code itself would show in every round, at least 16 bytes per call.
 */
class AllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 30;

    private static long bytesAllocatedBy(Runnable step, int times) {
        for (int i = 0; i < 10_000; i++) {
            step.run();
        }
        long quietest = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS && quietest > 0; round++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < times; i++) {
                step.run();
            }
            quietest = Math.min(quietest, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        return quietest;
    }

    @Test
    void theCounterSeesAnAllocationPerCall() {
        long arrays = bytesAllocatedBy(() -> blackhole = new float[4], 1000);
        assertTrue(arrays >= 1000 * 16, "control: 1000 escaping 4-float arrays counted as " + arrays + " bytes");
    }

    private static Object blackhole;

    @Test
    void trainBatchAllocatesNothing() {
        ClassifierNet net = new ClassifierNet();
        float[] x = randomInputs(32 * 4);
        int[] labels = new int[32];
        assertEquals(0, bytesAllocatedBy(() -> net.trainBatch(x, labels, 32), 5_000));
    }

    /**
     * One to three samples pass the gradient back through the vector kernels' dot products
     * (Decimal, every layer wide enough) or through a copy of Wᵀ (Wide's four-unit output).
     */
    @Test
    void smallBatchesAllocateNothing() {
        DecimalNet decimal = new DecimalNet();
        WideNet wide = new WideNet();
        for (int n = 1; n <= 3; n++) {
            float[] x = randomInputs(n * 23);
            int[] labels = new int[n];
            int size = n;
            assertEquals(0, bytesAllocatedBy(() -> decimal.trainBatch(x, labels, size), 5_000), "Decimal at " + n + " samples");
            assertEquals(0, bytesAllocatedBy(() -> wide.trainBatch(x, labels, size), 5_000), "Wide at " + n + " samples");
        }
    }

    @Test
    void predictAllocatesNothing() {
        ClassifierNet net = new ClassifierNet();
        float[] x = randomInputs(4);
        float[] out = new float[3];
        assertEquals(0, bytesAllocatedBy(() -> net.predict(x, out), 20_000));
        float[] many = randomInputs(100 * 4);
        float[] outs = new float[300];
        assertEquals(0, bytesAllocatedBy(() -> net.predict(many, 100, outs), 2_000));
    }

    @Test
    void runtimeBatchStepsAllocateNothingInEitherPrecision() {
        ClassifierNet classifier = new ClassifierNet();
        Batch batch = new Batch(classifier, 32);
        batch.fill(DataSet.labeled(randomInputs(32 * 4), 4, new int[32], 3), 0, 32);
        assertEquals(0, bytesAllocatedBy(() -> classifier.trainBatch(batch), 5_000));

        RegressionNet regression = new RegressionNet();
        Batch doubles = new Batch(regression, 32);
        doubles.fill(DataSet.withTargets(randomInputs(32 * 3), 3, randomInputs(64), 2), 0, 32);
        assertEquals(0, bytesAllocatedBy(() -> regression.trainBatch(doubles), 5_000));
    }

    @Test
    void stepsOnTwoThreadsStartNoThreadAndAllocateNothingOnEitherThread() {
        ClassifierNet net = new ClassifierNet();
        net.setThreads(2);
        try {
            float[] x = randomInputs(32 * 4);
            int[] labels = new int[32];
            assertNothingAllocatedOnEitherThread("ClassifierNet", () -> net.trainBatch(x, labels, 32), 5_000);
        } finally {
            net.setThreads(1);
        }
    }

    /** Broad's 300-unit first layer: the two threads take half its units each while the helper is awake. */
    @Test
    void oneSamplePredictionsOnTwoThreadsStartNoThreadAndAllocateNothingOnEitherThread() {
        BroadNet net = new BroadNet();
        net.setThreads(2);
        try {
            float[] x = randomInputs(net.inputs());
            float[] out = new float[net.outputs()];
            assertNothingAllocatedOnEitherThread("BroadNet", () -> {
                net.predict(x, out);
                net.classify(x);
            }, 20_000);
        } finally {
            net.setThreads(1);
        }
    }

    private static void assertNothingAllocatedOnEitherThread(String network, Runnable step, int times) {
        for (int i = 0; i < 10_000; i++) {
            step.run();
        }
        Thread helper = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("straightline-" + network) && t.isAlive())
                .findFirst().orElseThrow();
        long started = THREADS.getTotalStartedThreadCount();
        long caller = Long.MAX_VALUE;
        long helped = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS && (caller > 0 || helped > 0); round++) {
            long callerBefore = THREADS.getCurrentThreadAllocatedBytes();
            long helperBefore = THREADS.getThreadAllocatedBytes(helper.getId());
            for (int i = 0; i < times; i++) {
                step.run();
            }
            caller = Math.min(caller, THREADS.getCurrentThreadAllocatedBytes() - callerBefore);
            helped = Math.min(helped, THREADS.getThreadAllocatedBytes(helper.getId()) - helperBefore);
        }
        assertEquals(0, caller, "bytes the caller allocated in " + times + " calls");
        assertEquals(0, helped, "bytes the helper allocated in " + times + " calls");
        assertEquals(started, THREADS.getTotalStartedThreadCount(), "threads started during the calls");
    }

    @Test
    void anAdamWStepAllocatesNothingOnOneOrTwoThreads() {
        assertAllocatesNothingOnOneOrTwoThreads(new WideAdamWNet());
    }

    @Test
    void anAdamStepWithDropoutAllocatesNothingOnOneOrTwoThreads() {
        assertAllocatesNothingOnOneOrTwoThreads(new DroppingFloatNet());
    }

    /** Its 300 → 12 layer takes the narrow-layer kernels on the vector path, forward and gradient. */
    @Test
    void aStepThroughANarrowLayerAllocatesNothingOnOneOrTwoThreads() {
        assertAllocatesNothingOnOneOrTwoThreads(new TiledNet());
    }

    private static void assertAllocatesNothingOnOneOrTwoThreads(dev.straightline.runtime.TrainableNetwork net) {
        Batch batch = new Batch(net, 64);
        batch.fill(DataSet.labeled(randomInputs(64 * net.inputs()), net.inputs(), new int[64], net.outputs()), 0, 64);
        assertEquals(0, bytesAllocatedBy(() -> net.trainBatch(batch), 2_000));
        net.setThreads(2);
        try {
            assertEquals(0, bytesAllocatedBy(() -> net.trainBatch(batch), 2_000));
        } finally {
            net.setThreads(1);
        }
    }
}
