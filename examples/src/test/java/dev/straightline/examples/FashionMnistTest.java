package dev.straightline.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.Evaluation;
import dev.straightline.runtime.FitOptions;
import dev.straightline.runtime.Training;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The example's network on real Fashion-MNIST images. */
class FashionMnistTest {

    @Test
    void oneEpochOnTheFullDataSetReachesEightyPercentTestAccuracy() throws IOException {
        assertTrue(FashionData.installed(), "this test needs the Fashion-MNIST files in " + FashionData.INSTALLED
                + ": install the Debian package dataset-fashion-mnist (.ci/run does)");
        FashionData data = FashionData.full();
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        FashionMlpNet net = new FashionMlpNet();
        Training.fit(net, data.train(), FitOptions.builder().epochs(1).batchSize(32).build());
        Evaluation test = Evaluation.of(net, data.test());
        assertTrue(test.accuracy() >= 0.80, "test accuracy after one epoch: " + test.accuracy());
    }

    @Test
    void theShippedSampleIsRealLabeledFashionMnist() throws IOException {
        FashionData sample = FashionData.sample();
        assertEquals(2_000, sample.train().size());
        assertEquals(500, sample.test().size());
        assertEquals(784, sample.train().inputs());
        int[] perClass = new int[10];
        for (int i = 0; i < sample.train().size(); i++) {
            perClass[sample.train().label(i)]++;
        }
        for (int c = 0; c < 10; c++) {
            assertTrue(perClass[c] > 100, "class " + FashionData.CLASSES[c] + " has " + perClass[c] + " samples");
        }
        if (FashionData.installed()) {
            DataSet full = FashionData.full().train();
            for (int k = 0; k < 784; k++) {
                assertEquals(full.feature(1999, k), sample.train().feature(1999, k), "the sample is the data set's first rows");
            }
        }
    }

    @Test
    void theNetworkLearnsFromTheSampleAlone() throws IOException {
        FashionData sample = FashionData.sample();
        FashionMlpNet net = new FashionMlpNet();
        Training.fit(net, sample.train(), FitOptions.builder().epochs(3).batchSize(32).build());
        double accuracy = Evaluation.of(net, sample.test()).accuracy();
        assertTrue(accuracy > 0.70, "test accuracy after three epochs on 2,000 images: " + accuracy);
    }
}
