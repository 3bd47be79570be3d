package dev.straightline.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.straightline.Tensor;
import dev.straightline.internal.Simd;
import dev.straightline.nets.BroadExactNet;
import dev.straightline.nets.BroadNet;
import dev.straightline.nets.DecimalExactNet;
import dev.straightline.nets.DecimalNet;
import dev.straightline.nets.TowerExactNet;
import dev.straightline.nets.TowerNet;
import dev.straightline.nets.WideExactNet;
import dev.straightline.nets.WideNesterovExactNet;
import dev.straightline.nets.WideNesterovNet;
import dev.straightline.nets.WideNet;
import dev.straightline.runtime.Batch;
import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.TrainableNetwork;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Float networks take the Vector API path when the JVM has {@code jdk.incubator.vector} and plain
 * Java otherwise; either way they compute what the double-precision twin computes. The build runs
 * these tests twice: once without the module, once with it ({@code straightline.expectSimd}).
 */
class VectorPathTest {
    @Test
    void thePathIsTheOneThisJvmWasStartedFor() {
        assertEquals(Boolean.getBoolean("straightline.expectSimd"), Simd.ENABLED);
    }

    @Test
    void floatNetworkFollowsItsDoubleTwinForSeveralSteps() {
        assertFollowsTwin(new WideNet(3), new WideExactNet(3));
    }

    /** Layers of one shape share their kernels, which hand each layer's arrays to the vector kernels. */
    @Test
    void floatNetworkWithSharedKernelsFollowsItsDoubleTwin() {
        assertFollowsTwin(new TowerNet(3), new TowerExactNet(3));
    }

    /** The vector kernels store dW for optimizers with state, which then update row by row. */
    @Test
    void floatNetworkWithMomentumFollowsItsDoubleTwin() {
        assertFollowsTwin(new WideNesterovNet(3), new WideNesterovExactNet(3));
    }

    /**
     * A layer of 128 units or more takes single samples through the vector kernels too, in passes of
     * 128 units: predictions and steps of one sample follow the twin.
     */
    @Test
    void floatNetworkWithHundredsOfUnitsFollowsItsDoubleTwinOneSampleAtATime() {
        BroadNet single = new BroadNet(3);
        BroadExactNet exact = new BroadExactNet(3);
        assertFollowsTwin(single, exact);
        SplittableRandom random = new SplittableRandom(5);
        float[] x = new float[23];
        double[] xExact = new double[23];
        for (int step = 0; step < 5; step++) {
            for (int i = 0; i < 23; i++) {
                x[i] = (float) random.nextGaussian();
                xExact[i] = x[i];
            }
            int label = random.nextInt(4);
            float[] probabilities = single.predict(x);
            double[] expected = exact.predict(xExact);
            for (int j = 0; j < 4; j++) {
                assertEquals(expected[j], probabilities[j], 1e-5, "probability " + j + " before step " + step);
            }
            assertEquals(exact.trainBatch(xExact, new int[] {label}, 1), single.trainBatch(x, new int[] {label}, 1), 1e-4,
                    "loss of single-sample step " + step);
        }
        for (int t = 0; t < exact.parameters().size(); t++) {
            assertClose(exact.parameters().get(t), single.parameters().get(t), 1e-4);
        }
    }

    /**
     * Batches of one to three samples pass the gradient back through dot products with the rows of W
     * (the vector kernels' {@code inputGradient}, or plain loops over a copy of Wᵀ), not through the
     * batched kernels: their steps follow the twin too. Decimal's layers all have the vector path,
     * which then skips the copy of Wᵀ; Wide's and Tower's four-unit outputs do not, and need it.
     */
    @Test
    void floatNetworksFollowTheirDoubleTwinsInBatchesOfOneTwoAndThree() {
        assertFollowsTwinInSmallBatches(new DecimalNet(3), new DecimalExactNet(3));
        assertFollowsTwinInSmallBatches(new WideNet(3), new WideExactNet(3));
        assertFollowsTwinInSmallBatches(new TowerNet(3), new TowerExactNet(3));
    }

    private static void assertFollowsTwinInSmallBatches(TrainableNetwork single, TrainableNetwork exact) {
        SplittableRandom random = new SplittableRandom(6);
        int inputs = single.inputs();
        for (int step = 0; step < 9; step++) {
            int n = 1 + step % 3;
            float[] x = new float[n * inputs];
            double[] xExact = new double[n * inputs];
            int[] labels = new int[n];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
                xExact[i] = x[i];
            }
            for (int s = 0; s < n; s++) {
                labels[s] = random.nextInt(single.outputs());
            }
            Batch floats = new Batch(single, n);
            Batch doubles = new Batch(exact, n);
            floats.fill(DataSet.labeled(x, inputs, labels, single.outputs()), 0, n);
            doubles.fill(DataSet.labeled(x, inputs, labels, single.outputs()), 0, n);
            assertEquals(exact.trainBatch(doubles), single.trainBatch(floats), 1e-4, "loss of step " + step + " (" + n + " samples)");
        }
        for (int t = 0; t < exact.parameters().size(); t++) {
            assertClose(exact.parameters().get(t), single.parameters().get(t), 1e-4);
        }
    }

    private static void assertFollowsTwin(TrainableNetwork single, TrainableNetwork exact) {
        SplittableRandom random = new SplittableRandom(4);
        float[] x = new float[40 * 23];
        int[] labels = new int[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(4);
        }
        Batch floats = new Batch(single, 40);
        Batch doubles = new Batch(exact, 40);
        DataSet data = DataSet.labeled(x, 23, labels, 4);
        floats.fill(data, 0, 40);
        doubles.fill(data, 0, 40);
        assertEquals(exact.computeGradients(doubles), single.computeGradients(floats), 1e-5);
        for (int t = 0; t < exact.gradients().size(); t++) {
            assertClose(exact.gradients().get(t), single.gradients().get(t), 1e-5);
        }
        for (int step = 0; step < 5; step++) {
            assertEquals(exact.trainBatch(doubles), single.trainBatch(floats), 1e-4, "loss of step " + step);
        }
        for (int t = 0; t < exact.parameters().size(); t++) {
            assertClose(exact.parameters().get(t), single.parameters().get(t), 1e-4);
        }
        float[] probabilities = new float[4];
        float[] expected = new float[4];
        single.predictBatch(java.util.Arrays.copyOf(x, 23), 1, probabilities);
        exact.predictBatch(java.util.Arrays.copyOf(x, 23), 1, expected);
        for (int j = 0; j < 4; j++) {
            assertEquals(expected[j], probabilities[j], 1e-5);
        }
    }

    private static void assertClose(Tensor expected, Tensor actual, double tolerance) {
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), tolerance * Math.max(1, Math.abs(expected.get(i))),
                    actual.name() + "[" + i + "]");
        }
    }
}
