package dev.straightline.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.Tensor;
import dev.straightline.nets.ClassifierNet;
import dev.straightline.nets.LogisticNet;
import dev.straightline.nets.RegressionNet;
import dev.straightline.runtime.Batch;
import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.FitOptions;
import dev.straightline.runtime.LearningRateSchedule;
import dev.straightline.runtime.Subsampling;
import dev.straightline.runtime.TrainableNetwork;
import dev.straightline.runtime.Training;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Sample and class weights scale each sample's share of the loss and gradient; and the tutorial's
 * rare-class reasoning: a logistic model trained on subsampled negatives predicts the true positive
 * rate again after adding log f to its bias, or when trained with 1/f importance weights.
 */
class WeightsTest {
    private static float[][] gradients(TrainableNetwork net) {
        List<Tensor> tensors = net.gradients();
        float[][] values = new float[tensors.size()][];
        for (int t = 0; t < values.length; t++) {
            values[t] = new float[tensors.get(t).size()];
            tensors.get(t).copyTo(values[t]);
        }
        return values;
    }

    @Test
    void aSampleWeightedNAmongNZerosCountsLikeThatSampleAlone() {
        RegressionNet net = new RegressionNet();
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[8 * 3];
        float[] y = new float[8 * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) random.nextGaussian();
        }
        float[] weights = new float[8];
        weights[5] = 8;
        Batch weighted = new Batch(net, 8);
        weighted.fill(DataSet.withTargets(x, 3, y, 2).withSampleWeights(weights), 0, 8);
        Batch alone = new Batch(net, 1);
        alone.fill(DataSet.withTargets(x, 3, y, 2), 5, 1);
        assertEquals(net.computeGradients(alone), net.computeGradients(weighted), 1e-12);
        float[][] expected = gradients(net);
        net.computeGradients(alone);
        float[][] single = gradients(net);
        net.computeGradients(weighted);
        float[][] actual = gradients(net);
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(single[t], actual[t], 1e-6f, "tensor " + t);
        }
        assertEquals(expected.length, single.length);
    }

    @Test
    void aClassWeightIsTheSameAsThatWeightOnEverySampleOfTheClass() {
        DataSet data = TrainingLoopTest.clusters(32, 4);
        float[] weights = new float[32];
        for (int s = 0; s < 32; s++) {
            weights[s] = data.label(s) == 1 ? 3 : 1;
        }
        ClassifierNet bySample = new ClassifierNet();
        Batch sampleBatch = new Batch(bySample, 32);
        sampleBatch.fill(data.withSampleWeights(weights), 0, 32);
        ClassifierNet byClass = new ClassifierNet();
        byClass.setClassWeights(1, 3, 1);
        Batch classBatch = new Batch(byClass, 32);
        classBatch.fill(data, 0, 32);
        for (int step = 0; step < 5; step++) {
            assertEquals(bySample.trainBatch(sampleBatch), byClass.trainBatch(classBatch), 0.0, "step " + step);
        }
        byClass.setClassWeights();
        assertEquals(new ClassifierNet().evaluateBatch(classBatch), new ClassifierNet().evaluateBatch(classBatch), 0.0);
    }

    @Test
    void classWeightsAreCheckedAndNeedClasses() {
        ClassifierNet net = new ClassifierNet();
        assertEquals("setClassWeights takes one weight per class, 3, but got 2",
                assertThrows(IllegalArgumentException.class, () -> net.setClassWeights(1, 2)).getMessage());
        assertEquals("the weight of class 1 must be positive and finite, but is 0.0",
                assertThrows(IllegalArgumentException.class, () -> net.setClassWeights(1, 0, 1)).getMessage());
        assertEquals("class weights need classes: softmax cross-entropy, or binary cross-entropy with one output; this "
                + "network has MEAN_SQUARED_ERROR with 2 outputs",
                assertThrows(UnsupportedOperationException.class, () -> new RegressionNet().setClassWeights(1, 1)).getMessage());
    }

    /** x ~ N(0, 1), y ~ Bernoulli(σ(1.5x − 4.5)): about 2.4 % positives. */
    private static DataSet population(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        int[] y = new int[n];
        for (int s = 0; s < n; s++) {
            x[s] = (float) random.nextGaussian();
            y[s] = random.nextDouble() < 1 / (1 + Math.exp(-(1.5 * x[s] - 4.5))) ? 1 : 0;
        }
        return DataSet.labeled(x, 1, y, 2);
    }

    /** Every positive, and each negative with probability f. */
    private static DataSet subsample(DataSet data, double f, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] kept = new int[data.size()];
        int count = 0;
        for (int s = 0; s < data.size(); s++) {
            if (data.label(s) == 1 || random.nextDouble() < f) {
                kept[count++] = s;
            }
        }
        return data.select(java.util.Arrays.copyOf(kept, count));
    }

    private static double meanPrediction(TrainableNetwork net, DataSet data) {
        float[] p = new float[data.size()];
        net.predictBatch(data.features(), data.size(), p);
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        return sum / p.length;
    }

    @Test
    void subsampledNegativesAreCorrectedByLogFOrByImportanceWeights() {
        DataSet full = population(200_000, 1);
        double trueRate = 0;
        for (int s = 0; s < full.size(); s++) {
            trueRate += full.label(s) / (double) full.size();
        }
        double f = 0.1;
        DataSet sample = subsample(full, f, 2);
        FitOptions options = FitOptions.builder().epochs(20).batchSize(128).schedule(LearningRateSchedule.cosine(0.01)).build();

        LogisticNet plain = new LogisticNet();
        Training.fit(plain, sample, options);
        double uncorrected = meanPrediction(plain, full);
        assertTrue(uncorrected > 4 * trueRate, "trained on subsampled negatives, the model overestimates: "
                + uncorrected + " against a true rate of " + trueRate);
        Subsampling.correctOutputBias(plain, f);
        double corrected = meanPrediction(plain, full);
        assertEquals(trueRate, corrected, 0.1 * trueRate, "after adding log f to the bias");

        LogisticNet weighted = new LogisticNet();
        weighted.setClassWeights(1 / f, 1);
        Training.fit(weighted, sample, options);
        assertEquals(trueRate, meanPrediction(weighted, full), 0.1 * trueRate, "trained with 1/f importance weights");
    }
}
