package dev.straightline.network;

import static dev.straightline.network.GeneratedApiTest.assertSameValues;
import static dev.straightline.network.GeneratedApiTest.randomInputs;
import static dev.straightline.network.GeneratedApiTest.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.nets.ClassifierNet;
import dev.straightline.nets.RegressionNet;
import dev.straightline.nets.XorNet;
import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.FitOptions;
import dev.straightline.runtime.NonFiniteException;
import dev.straightline.runtime.Training;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input at run time: an exception that names what was expected and what was given, and no change to the network. */
class RuntimeErrorsTest {
    private final ClassifierNet net = new ClassifierNet();

    private static String message(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }

    @Test
    void singleSampleArraysMustHaveTheExactWidth() {
        assertEquals("x must hold 4 values but holds 3", message(() -> net.predict(new float[3])));
        assertEquals("out must hold 3 values but holds 2", message(() -> net.predict(new float[4], new float[2])));
        assertEquals("x must hold 4 values but holds 5", message(() -> net.classify(new float[5])));
    }

    @Test
    void batchSizeMustBeWithinMaxBatch() {
        assertEquals("trainBatch takes 1 to 32 samples per call (maxBatch of @Network), but n = 0",
                message(() -> net.trainBatch(new float[4], new int[1], 0)));
        assertEquals("trainBatch takes 1 to 32 samples per call (maxBatch of @Network), but n = 33",
                message(() -> net.trainBatch(new float[33 * 4], new int[33], 33)));
        assertEquals("predict needs at least one sample, but n = -1", message(() -> net.predict(new float[4], -1, new float[3])));
    }

    @Test
    void batchArraysMustHoldNWholeRows() {
        assertEquals("x holds 2 rows of 4 values but n = 3", message(() -> net.trainBatch(new float[8], new int[3], 3)));
        assertEquals("x must hold whole rows of 4 values, but its length 9 is not a multiple of 4",
                message(() -> net.trainBatch(new float[9], new int[2], 2)));
        assertEquals("labels holds 1 values but n = 2 samples need 2", message(() -> net.trainBatch(new float[8], new int[1], 2)));
        assertEquals("out holds 5 values but needs 6", message(() -> net.predict(new float[8], 2, new float[5])));
    }

    @Test
    void labelsMustBeClassesOfTheNetwork() {
        assertEquals("label of sample 1 is 3 but the network has 3 classes: labels must be in [0, 3)",
                message(() -> net.trainBatch(new float[8], new int[] {0, 3}, 2)));
        assertEquals("label of sample 0 is -1 but the network has 3 classes: labels must be in [0, 3)",
                message(() -> net.loss(new float[4], new int[] {-1}, 1)));
    }

    @Test
    void inputsMustBeFinite() {
        float[] x = new float[8];
        x[6] = Float.NaN;
        assertEquals("x of sample 1 at column 2 is NaN; inputs and targets must be finite",
                message(() -> net.trainBatch(x, new int[2], 2)));
        assertEquals("x of sample 1 at column 2 is NaN; inputs and targets must be finite",
                message(() -> net.predict(x, 2, new float[6])));
    }

    @Test
    void binaryTargetsMustBeProbabilities() {
        XorNet xor = new XorNet();
        assertEquals("y of sample 1 at column 0 is 1.5; binary cross-entropy targets must be in [0, 1]",
                message(() -> xor.trainBatch(new float[4], new float[] {1, 1.5f}, 2)));
    }

    @Test
    void aBadCallChangesNothing() {
        List<float[]> before = snapshot(net.parameters());
        assertThrows(IllegalArgumentException.class, () -> net.trainBatch(new float[8], new int[] {0, 7}, 2));
        assertSameValues(before, snapshot(net.parameters()));
    }

    @Test
    void aNonFiniteLossThrowsAndLeavesTheParametersAsTheyWere() {
        RegressionNet regression = new RegressionNet();
        regression.linear().weights().set(0, 0, 1e200);
        List<float[]> before = snapshot(regression.parameters());
        double[] weightsBefore = new double[6];
        for (int i = 0; i < 6; i++) {
            weightsBefore[i] = regression.linear().weights().get(i);
        }
        NonFiniteException error = assertThrows(NonFiniteException.class,
                () -> regression.trainBatch(new double[] {1e200, 0, 0}, new double[] {0, 0}, 1));
        assertEquals("the mean loss of the batch is Infinity; the parameters were not updated", error.getMessage());
        for (int i = 0; i < 6; i++) {
            assertEquals(weightsBefore[i], regression.linear().weights().get(i));
        }
        assertSameValues(before, snapshot(regression.parameters()));
    }

    @Test
    void aNaNWeightIsCaughtBeforeItSpreads() {
        net.hidden().weights().set(2, 5, Float.NaN);
        List<float[]> before = snapshot(net.parameters());
        NonFiniteException error = assertThrows(NonFiniteException.class,
                () -> net.trainBatch(randomInputs(8), new int[] {0, 1}, 2));
        assertTrue(error.getMessage().startsWith("the mean loss of the batch is NaN"), error.getMessage());
        assertSameValues(before, snapshot(net.parameters()));
    }

    @Test
    void trainingNamesTheBatchThatDiverged() {
        RegressionNet regression = new RegressionNet();
        regression.linear().weights().set(0, 0, 1e200);
        float[] x = new float[10 * 3];
        x[3 * 7] = 1e30f; // sample 7 drives the output to infinity
        DataSet data = DataSet.withTargets(x, 3, new float[20], 2);
        NonFiniteException error = assertThrows(NonFiniteException.class, () -> Training.fit(regression, data,
                FitOptions.builder().epochs(1).batchSize(4).shuffle(false).build()));
        assertEquals("epoch 1, batch 1 (samples 4 to 7 of the shuffled order): the mean loss of the batch is Infinity; "
                + "the parameters were not updated", error.getMessage());
    }
}
