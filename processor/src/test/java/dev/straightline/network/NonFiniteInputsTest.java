package dev.straightline.network;

import static dev.straightline.network.GeneratedApiTest.assertSameValues;
import static dev.straightline.network.GeneratedApiTest.randomInputs;
import static dev.straightline.network.GeneratedApiTest.snapshot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.Layer;
import dev.straightline.nets.BroadNet;
import dev.straightline.nets.ClassifierNet;
import dev.straightline.nets.FunnelNet;
import dev.straightline.runtime.NonFiniteException;
import dev.straightline.runtime.TrainableNetwork;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A NaN or infinite input is refused by the forward pass of every call, on one thread and on two,
 * with the sample and column of the first one, and the network is left as it was. A network whose
 * first layer is narrower than its input checks that layer's Z instead of x (a non-finite input
 * makes its whole row of Z non-finite); finite inputs that overflow Z are not called non-finite.
 */
class NonFiniteInputsTest {
    private static final float[] BAD = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};

    /** A float classifier as the tests drive it. */
    private record Net(String name, TrainableNetwork network, Layer first, TrainStep train, Predict predict) {
        @Override
        public String toString() {
            return name;
        }
    }

    private interface TrainStep {
        float run(float[] x, int[] labels, int n);
    }

    private interface Predict {
        void run(float[] x, float[] out);
    }

    static Stream<Net> nets() {
        ClassifierNet classifier = new ClassifierNet();
        FunnelNet funnel = new FunnelNet();
        return Stream.of(
                new Net("4 → 16, checks x", classifier, classifier.hidden(), classifier::trainBatch, classifier::predict),
                new Net("40 → 19, checks Z", funnel, funnel.squeeze(), funnel::trainBatch, funnel::predict));
    }

    private static String nonFinite(int sample, int column, float value) {
        return "x of sample " + sample + " at column " + column + " is " + value + "; inputs and targets must be finite";
    }

    @ParameterizedTest
    @MethodSource("nets")
    void aTrainingStepNamesTheFirstNonFiniteInputOnOneThreadAndOnTwo(Net net) {
        int n = net.network().maxBatch();
        int inputs = net.network().inputs();
        List<float[]> before = snapshot(net.network().parameters());
        for (int threads = 1; threads <= 2; threads++) {
            net.network().setThreads(threads);
            try {
                for (float bad : BAD) {
                    // the first sample, the last of the caller's half, the last of the helper's half
                    for (int[] at : new int[][] {{0, 0}, {n / 2 - 1, inputs - 1}, {n - 1, 1}}) {
                        float[] x = randomInputs(n * inputs);
                        x[at[0] * inputs + at[1]] = bad;
                        String message = assertThrows(IllegalArgumentException.class,
                                () -> net.train().run(x, new int[n], n), threads + " threads").getMessage();
                        assertEquals(nonFinite(at[0], at[1], bad), message, threads + " threads");
                    }
                    float[] x = randomInputs(n * inputs);
                    x[(n - 2) * inputs + 3] = bad;
                    x[3 * inputs + 2] = bad;
                    assertEquals(nonFinite(3, 2, bad), assertThrows(IllegalArgumentException.class,
                            () -> net.train().run(x, new int[n], n)).getMessage(), "the first of two, " + threads + " threads");
                }
            } finally {
                net.network().setThreads(1);
            }
        }
        assertSameValues(before, snapshot(net.network().parameters()));
    }

    @ParameterizedTest
    @MethodSource("nets")
    void predictionsNameTheCallersSampleInEveryChunk(Net net) {
        int inputs = net.network().inputs();
        int n = net.network().maxBatch() + 9;
        float[] x = randomInputs(n * inputs);
        x[(n - 5) * inputs + inputs - 1] = Float.NaN;
        assertEquals(nonFinite(n - 5, inputs - 1, Float.NaN), assertThrows(IllegalArgumentException.class,
                () -> net.network().predictBatch(x, n, new float[n * net.network().outputs()])).getMessage());

        float[] one = randomInputs(inputs);
        one[inputs / 2] = Float.NEGATIVE_INFINITY;
        assertEquals(nonFinite(0, inputs / 2, Float.NEGATIVE_INFINITY), assertThrows(IllegalArgumentException.class,
                () -> net.predict().run(one, new float[net.network().outputs()])).getMessage());
    }

    @ParameterizedTest
    @MethodSource("nets")
    void finiteInputsThatOverflowTheFirstLayerAreNotCalledNonFinite(Net net) {
        int inputs = net.network().inputs();
        for (int k = 0; k < inputs; k++) {
            for (int j = 0; j < net.first().units(); j++) {
                net.first().weights().set(k, j, 1e30);
            }
        }
        float[] x = new float[inputs];
        java.util.Arrays.fill(x, 1e30f);
        float[] out = new float[net.network().outputs()];
        net.predict().run(x, out);
        assertFalse(Float.isFinite(out[0]) && Float.isFinite(out[1]) && Float.isFinite(out[2]), "Z overflowed");
        List<float[]> before = snapshot(net.network().parameters());
        NonFiniteException error = assertThrows(NonFiniteException.class, () -> net.train().run(x, new int[1], 1));
        assertTrue(error.getMessage().startsWith("the mean loss of the batch is "), error.getMessage());
        assertSameValues(before, snapshot(net.network().parameters()));
    }

    /**
     * Broad's 300-unit first layer: with the helper awake the two threads share each prediction, and a
     * non-finite input is refused after both halves, as on one thread; the next prediction works.
     */
    @Test
    void aSharedPredictionNamesTheNonFiniteInputAndTheNextOneIsThatOfOneThread() {
        BroadNet one = new BroadNet();
        BroadNet two = new BroadNet();
        two.setThreads(2);
        try {
            for (int i = 0; i < 200; i++) {
                float[] x = randomInputs(BroadNet.INPUTS);
                int column = i % BroadNet.INPUTS;
                float bad = BAD[i % BAD.length];
                x[column] = bad;
                assertEquals(nonFinite(0, column, bad), assertThrows(IllegalArgumentException.class,
                        () -> two.predict(x, new float[BroadNet.OUTPUTS])).getMessage(), "prediction " + i);
                x[column] = 0.5f;
                assertArrayEquals(one.predict(x), two.predict(x), "prediction " + i + " after the refused one");
            }
        } finally {
            two.setThreads(1);
        }
    }
}
