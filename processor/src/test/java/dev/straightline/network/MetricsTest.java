package dev.straightline.network;

import static dev.straightline.network.TrainingLoopTest.clusters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.nets.ClassifierNet;
import dev.straightline.nets.RegressionNet;
import dev.straightline.runtime.ConfusionMatrix;
import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.Evaluation;
import dev.straightline.runtime.FitOptions;
import dev.straightline.runtime.Metrics;
import dev.straightline.runtime.Training;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The metrics agree with the network's own loss and accuracy, and with their definitions. */
class MetricsTest {
    @Test
    void theConfusionMatrixOfAClassifierAgreesWithItsAccuracy() {
        ClassifierNet net = new ClassifierNet();
        Training.fit(net, clusters(300, 1), FitOptions.builder().epochs(5).batchSize(16).build());
        DataSet test = clusters(200, 2);
        ConfusionMatrix matrix = Metrics.confusion(net, test);
        assertEquals(200, matrix.total());
        assertEquals(Evaluation.of(net, test).accuracy(), matrix.accuracy(), 1e-12);
        for (int c = 0; c < 3; c++) {
            long actual = 0;
            for (int p = 0; p < 3; p++) {
                actual += matrix.count(c, p);
            }
            long labelled = 0;
            for (int s = 0; s < 200; s++) {
                labelled += test.label(s) == c ? 1 : 0;
            }
            assertEquals(labelled, actual, "row " + c + " counts the samples of class " + c);
            assertTrue(matrix.recall(c) > 0.8, "separable clusters: recall of " + c + " is " + matrix.recall(c));
        }
    }

    @Test
    void regressionMetricsOfANearlyExactFit() {
        RegressionNet net = new RegressionNet();
        SplittableRandom random = new SplittableRandom(8);
        float[] x = new float[300];
        float[] y = new float[200];
        for (int i = 0; i < 100; i++) {
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = (float) random.nextGaussian();
            }
            y[2 * i] = 2 * x[3 * i] - x[3 * i + 2] + 0.5f + 0.1f * (float) random.nextGaussian();
            y[2 * i + 1] = x[3 * i + 1];
        }
        DataSet data = DataSet.withTargets(x, 3, y, 2);
        Training.fit(net, data, FitOptions.builder().epochs(50).batchSize(10).build());
        Metrics.Regression metrics = Metrics.regression(net, data);
        // The loss is ½‖ŷ − y‖² per sample: the mean squared error over both outputs is the loss.
        assertEquals(Evaluation.of(net, data).loss(), metrics.meanSquaredError(), 1e-6);
        assertTrue(metrics.rSquared()[1] > 0.9999, "an exact target: R² = " + metrics.rSquared()[1]);
        assertTrue(metrics.rSquared()[0] > 0.99 && metrics.rSquared()[0] < 0.9999,
                "noise of 0.1 on a target of variance 5.25: R² = " + metrics.rSquared()[0]);
    }

    @Test
    void eachMetricNeedsItsKindOfNetwork() {
        assertEquals("R² and mean squared error need a regression network (MEAN_SQUARED_ERROR), but the network has "
                + "SOFTMAX_CROSS_ENTROPY", assertThrows(IllegalArgumentException.class,
                        () -> Metrics.regression(new ClassifierNet(), clusters(10, 1))).getMessage());
    }
}
