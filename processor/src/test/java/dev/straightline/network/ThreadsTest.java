package dev.straightline.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.Tensor;
import dev.straightline.nets.BroadNet;
import dev.straightline.nets.ClassifierNet;
import dev.straightline.nets.DroppingFloatNet;
import dev.straightline.nets.DroppingWideNet;
import dev.straightline.nets.RegressionNet;
import dev.straightline.nets.TiledNet;
import dev.straightline.nets.WideAdamWNet;
import dev.straightline.nets.WideNesterovNet;
import dev.straightline.nets.WideNet;
import dev.straightline.runtime.Batch;
import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.FitOptions;
import dev.straightline.runtime.NonFiniteException;
import dev.straightline.runtime.TrainableNetwork;
import dev.straightline.runtime.Training;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.ToIntBiFunction;
import org.junit.jupiter.api.Test;

/**
 * {@code setThreads(2)} shares each step between the caller and one helper thread. Two threads
 * must compute bitwise the parameters and gradients one thread computes, whatever the batch size
 * (tails, tiles, batches too small to split), and must start no thread and allocate nothing per step.
 */
class ThreadsTest {
    private static final int[] BATCHES = {1, 5, 8, 9, 13, 32, 37, 64};

    private static DataSet data(TrainableNetwork net, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * net.inputs()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(net.outputs());
        }
        return DataSet.labeled(x, net.inputs(), labels, net.outputs());
    }

    private static float[][] snapshot(List<Tensor> tensors) {
        float[][] values = new float[tensors.size()][];
        for (int t = 0; t < tensors.size(); t++) {
            Tensor tensor = tensors.get(t);
            values[t] = new float[tensor.size()];
            tensor.copyTo(values[t]);
        }
        return values;
    }

    /** Ten steps of every batch size on a fresh network with the given threads; the parameters after each. */
    private static void assertTwoThreadsMatchOne(java.util.function.Supplier<TrainableNetwork> create) {
        for (int n : BATCHES) {
            TrainableNetwork one = create.get();
            if (n > one.maxBatch()) {
                continue;
            }
            TrainableNetwork two = create.get();
            two.setThreads(2);
            try {
                DataSet data = data(one, n, n);
                Batch batchOne = new Batch(one, n);
                Batch batchTwo = new Batch(two, n);
                batchOne.fill(data, 0, n);
                batchTwo.fill(data, 0, n);
                for (int step = 0; step < 10; step++) {
                    double lossOne = one.trainBatch(batchOne);
                    double lossTwo = two.trainBatch(batchTwo);
                    assertEquals(lossOne, lossTwo, 1e-6 * Math.abs(lossOne), "loss of step " + step + ", batch " + n);
                    float[][] expected = snapshot(one.parameters());
                    float[][] actual = snapshot(two.parameters());
                    for (int t = 0; t < expected.length; t++) {
                        assertArrayEquals(expected[t], actual[t], one.parameters().get(t).name() + " after step " + step
                                + " of batch " + n);
                    }
                }
                one.computeGradients(batchOne);
                two.computeGradients(batchTwo);
                float[][] expected = snapshot(one.gradients());
                float[][] actual = snapshot(two.gradients());
                for (int t = 0; t < expected.length; t++) {
                    assertArrayEquals(expected[t], actual[t], one.gradients().get(t).name() + " of batch " + n);
                }
                assertEquals(one.evaluateBatch(batchOne), two.evaluateBatch(batchTwo), 1e-6, "evaluated loss of batch " + n);
            } finally {
                two.setThreads(1);
            }
        }
    }

    @Test
    void twoThreadsComputeBitwiseWhatOneComputes() {
        assertTwoThreadsMatchOne(TiledNet::new);
        assertTwoThreadsMatchOne(WideNet::new);
        assertTwoThreadsMatchOne(ClassifierNet::new);
        assertTwoThreadsMatchOne(DroppingFloatNet::new);
        // The first layer split by units with optimizers that keep state, and an L2 penalty.
        assertTwoThreadsMatchOne(WideAdamWNet::new);
        assertTwoThreadsMatchOne(WideNesterovNet::new);
        assertTwoThreadsMatchOne(DroppingWideNet::new);
    }

    /**
     * One sample's prediction on two threads: while the helper is awake each thread takes half of
     * Broad's first layer (144 of 300 units: a pass of 128 and one of 16 on each side); once it has
     * parked, the caller predicts alone. Wide's 37 units predict on the caller alone. All give
     * bitwise what one thread gives.
     */
    @Test
    void oneSamplePredictionsOnTwoThreadsAreBitwiseThoseOfOneAwakeOrParked() throws InterruptedException {
        assertPredictionsMatch(new WideNet(), new WideNet(), WideNet::predict, WideNet::classify);
        assertPredictionsMatch(new BroadNet(), new BroadNet(), BroadNet::predict, BroadNet::classify);
    }

    private static <N extends TrainableNetwork> void assertPredictionsMatch(N one, N two,
            BiFunction<N, float[], float[]> predict, ToIntBiFunction<N, float[]> classify)
            throws InterruptedException {
        two.setThreads(2);
        try {
            DataSet data = data(one, 32, 3);
            Batch batchOne = new Batch(one, 32);
            Batch batchTwo = new Batch(two, 32);
            batchOne.fill(data, 0, 32);
            batchTwo.fill(data, 0, 32);
            for (int step = 0; step < 3; step++) {
                one.trainBatch(batchOne);
                two.trainBatch(batchTwo);
            }
            SplittableRandom random = new SplittableRandom(17);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 200; i++) {
                    float[] x = new float[one.inputs()];
                    for (int k = 0; k < x.length; k++) {
                        x[k] = (float) random.nextGaussian();
                    }
                    assertArrayEquals(predict.apply(one, x), predict.apply(two, x), "prediction " + i + " of round " + round);
                    assertEquals(classify.applyAsInt(one, x), classify.applyAsInt(two, x), "class " + i + " of round " + round);
                }
                Thread.sleep(20);
            }
        } finally {
            two.setThreads(1);
        }
    }

    @Test
    void twoThreadsComputeBitwiseWhatOneComputesInDoublePrecision() {
        for (int n : BATCHES) {
            if (n > RegressionNet.MAX_BATCH) {
                continue;
            }
            RegressionNet one = new RegressionNet();
            RegressionNet two = new RegressionNet();
            two.setThreads(2);
            SplittableRandom random = new SplittableRandom(n);
            double[] x = random.doubles(n * 3L).toArray();
            double[] y = random.doubles(n * 2L).toArray();
            for (int step = 0; step < 10; step++) {
                assertEquals(one.trainBatch(x, y, n), two.trainBatch(x, y, n), 1e-12, "loss of batch " + n);
            }
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(one.linear().weights().get(k, j), two.linear().weights().get(k, j), 0.0);
                }
            }
            two.setThreads(1);
        }
    }

    @Test
    void theTypedMethodsShareTheirStepsToo() {
        TiledNet one = new TiledNet();
        TiledNet two = new TiledNet();
        two.setThreads(2);
        DataSet data = data(one, 64, 11);
        float[] x = data.features();
        int[] labels = data.labels();
        for (int step = 0; step < 5; step++) {
            assertEquals(one.trainBatch(x, labels, 64), two.trainBatch(x, labels, 64), 1e-6f);
        }
        assertEquals(one.loss(x, labels, 64), two.loss(x, labels, 64), 1e-6f);
        float[] outOne = new float[64 * TiledNet.OUTPUTS];
        float[] outTwo = new float[64 * TiledNet.OUTPUTS];
        one.predict(x, 64, outOne);
        two.predict(x, 64, outTwo);
        assertArrayEquals(outOne, outTwo);
        two.setThreads(1);
    }

    @Test
    void aNonFiniteStepOnTwoThreadsChangesNothingAndTheNextStepWorks() {
        TiledNet net = new TiledNet();
        net.setThreads(2);
        DataSet data = data(net, 32, 5);
        float[] x = data.features().clone();
        float[][] before = snapshot(net.parameters());
        // Finite inputs whose sums overflow, in the helper's half of the batch.
        java.util.Arrays.fill(x, 20 * TiledNet.INPUTS, 21 * TiledNet.INPUTS, 3e38f);
        assertThrows(NonFiniteException.class, () -> net.trainBatch(x, data.labels(), 32));
        float[][] after = snapshot(net.parameters());
        for (int t = 0; t < before.length; t++) {
            assertArrayEquals(before[t], after[t]);
        }
        float loss = net.trainBatch(data.features(), data.labels(), 32);
        assertTrue(Float.isFinite(loss));
        net.setThreads(1);
    }

    @Test
    void fitOnTwoThreadsGivesTheSameHistoryAsOnOne() {
        DataSet data = data(new TiledNet(), 500, 9);
        TiledNet one = new TiledNet();
        TiledNet two = new TiledNet();
        two.setThreads(2);
        FitOptions options = FitOptions.builder().epochs(2).batchSize(32).seed(4).build();
        var historyOne = Training.fit(one, data, options);
        var historyTwo = Training.fit(two, data, options);
        for (int e = 0; e < historyOne.size(); e++) {
            assertEquals(historyOne.get(e).trainLoss(), historyTwo.get(e).trainLoss(), 1e-6);
        }
        assertArrayEquals(snapshot(one.parameters())[0], snapshot(two.parameters())[0]);
        two.setThreads(1);
    }

    @Test
    void setThreadsStartsOneHelperAndSetThreadsOneEndsIt() throws InterruptedException {
        TiledNet net = new TiledNet();
        assertEquals(1, net.threads());
        net.setThreads(2);
        net.setThreads(2);
        assertEquals(2, net.threads());
        assertEquals(1, helpers("straightline-TiledNet").size(), "one helper, however often setThreads(2) is called");
        Thread helper = helpers("straightline-TiledNet").get(0);
        net.setThreads(1);
        helper.join(5_000);
        assertFalse(helper.isAlive());
        assertEquals(1, net.threads());
    }

    private static List<Thread> helpers(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).toList();
    }

    @Test
    void setThreadsRejectsCountsOtherThanOneOrTwo() {
        TiledNet net = new TiledNet();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.setThreads(3));
        assertEquals("setThreads takes 1 to 2 threads, but threads = 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.setThreads(0));
        assertEquals(1, net.threads());
    }
}
