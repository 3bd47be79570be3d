package dev.straightline.network;

import static dev.straightline.network.GeneratedApiTest.assertSameValues;
import static dev.straightline.network.GeneratedApiTest.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.nets.ClassifierNet;
import dev.straightline.nets.RegressionNet;
import dev.straightline.nets.XorNet;
import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.EarlyStopping;
import dev.straightline.runtime.EpochResult;
import dev.straightline.runtime.Evaluation;
import dev.straightline.runtime.FitOptions;
import dev.straightline.runtime.LearningRateSchedule;
import dev.straightline.runtime.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The runtime's training loop drives any generated network through its interface. */
class TrainingLoopTest {

    /** Three Gaussian clusters in four dimensions, centred on different axes. */
    static DataSet clusters(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(3);
            for (int k = 0; k < 4; k++) {
                x[i * 4 + k] = (float) (0.5 * random.nextGaussian() + (k == labels[i] ? 2 : 0));
            }
        }
        return DataSet.labeled(x, 4, labels, 3);
    }

    @Test
    void fitLearnsSeparableClustersAndReportsEveryEpoch() {
        ClassifierNet net = new ClassifierNet();
        List<EpochResult> seen = new ArrayList<>();
        List<EpochResult> history = Training.fit(net, clusters(600, 1), FitOptions.builder()
                .epochs(8).batchSize(16).validation(clusters(200, 2)).listener(seen::add).build());
        assertEquals(history, seen);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), history.stream().map(EpochResult::epoch).toList());
        EpochResult last = history.get(7);
        assertTrue(last.trainLoss() < history.get(0).trainLoss(), "loss falls: " + history);
        assertTrue(last.trainAccuracy() > 0.95, last.toString());
        assertTrue(last.validationAccuracy() > 0.95, last.toString());
        assertTrue(last.samplesPerSecond() > 0);
        assertEquals(0.2, last.learningRate(), 1e-7);
        Evaluation test = Evaluation.of(net, clusters(200, 2));
        assertEquals(last.validationLoss(), test.loss(), 1e-9);
        assertEquals(last.validationAccuracy(), test.accuracy(), 1e-9);
    }

    @Test
    void theSameSeedAndDataGiveTheSameRun() {
        FitOptions options = FitOptions.builder().epochs(3).batchSize(8).seed(4).build();
        ClassifierNet first = new ClassifierNet();
        ClassifierNet second = new ClassifierNet();
        List<EpochResult> a = Training.fit(first, clusters(100, 3), options);
        List<EpochResult> b = Training.fit(second, clusters(100, 3), options);
        for (int e = 0; e < 3; e++) {
            assertEquals(a.get(e).trainLoss(), b.get(e).trainLoss());
        }
        assertSameValues(snapshot(first.parameters()), snapshot(second.parameters()));
    }

    @Test
    void evaluationMatchesTheNetworksOwnLoss() {
        ClassifierNet net = new ClassifierNet();
        DataSet data = clusters(20, 5);
        Evaluation evaluation = Evaluation.of(net, data);
        assertEquals(net.loss(data.features(), data.labels(), 20), evaluation.loss(), 1e-6);
        assertEquals(20, evaluation.samples());
    }

    @Test
    void aBinaryClassifierTrainsOnTwoClassLabels() {
        XorNet xor = new XorNet(0);
        DataSet data = DataSet.labeled(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 2, new int[] {0, 1, 1, 0}, 2);
        Training.fit(xor, data, FitOptions.builder().epochs(2000).batchSize(4).shuffle(false).build());
        assertEquals(1.0, Evaluation.of(xor, data).accuracy());
    }

    @Test
    void regressionHasNoAccuracy() {
        RegressionNet net = new RegressionNet();
        SplittableRandom random = new SplittableRandom(8);
        float[] x = new float[300];
        float[] y = new float[200];
        for (int i = 0; i < 100; i++) {
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = (float) random.nextGaussian();
            }
            y[2 * i] = 2 * x[3 * i] - x[3 * i + 2] + 0.5f;
            y[2 * i + 1] = x[3 * i + 1];
        }
        List<EpochResult> history = Training.fit(net, DataSet.withTargets(x, 3, y, 2),
                FitOptions.builder().epochs(50).batchSize(10).build());
        assertTrue(Double.isNaN(history.get(0).trainAccuracy()));
        assertTrue(history.get(49).trainLoss() < 1e-6, "a linear target is fitted: " + history.get(49));
        assertEquals(2.0, net.linear().weights().get(0, 0), 1e-3);
        assertEquals(-1.0, net.linear().weights().get(2, 0), 1e-3);
        assertEquals(0.5, net.linear().bias().get(0), 1e-3);
    }

    @Test
    void fitRefusesDataAndOptionsThatDoNotFit() {
        ClassifierNet net = new ClassifierNet();
        assertEquals("batchSize 64 is larger than the network's maxBatch 32; raise @Network(maxBatch = ...) or use smaller batches",
                assertThrows(IllegalArgumentException.class, () -> Training.fit(net, clusters(10, 1),
                        FitOptions.builder().batchSize(64).build())).getMessage());
        assertEquals("the network takes 4 inputs per sample but the data set has 2",
                assertThrows(IllegalArgumentException.class, () -> Training.fit(net,
                        DataSet.labeled(new float[4], 2, new int[2], 3), FitOptions.builder().build())).getMessage());
        assertEquals("the network has 3 output classes but the data set has 5",
                assertThrows(IllegalArgumentException.class, () -> Training.fit(net,
                        DataSet.labeled(new float[4], 4, new int[1], 5), FitOptions.builder().build())).getMessage());
        assertEquals("a SOFTMAX_CROSS_ENTROPY network needs class labels, but the data set has real targets",
                assertThrows(IllegalArgumentException.class, () -> Training.fit(net,
                        DataSet.withTargets(new float[4], 4, new float[3], 3), FitOptions.builder().build())).getMessage());
    }

    /** Random labels: the network memorises the 40 training samples and the validation loss rises. */
    private static DataSet noise(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(3);
            for (int k = 0; k < 4; k++) {
                x[i * 4 + k] = (float) random.nextGaussian();
            }
        }
        return DataSet.labeled(x, 4, labels, 3);
    }

    @Test
    void earlyStoppingStopsAfterThePatienceAndRestoresTheBestEpoch() {
        ClassifierNet net = new ClassifierNet();
        List<List<float[]>> parametersAfter = new ArrayList<>();
        List<EpochResult> history = Training.fit(net, noise(40, 1), FitOptions.builder()
                .epochs(200).batchSize(8).validation(noise(200, 2))
                .earlyStopping(EarlyStopping.onValidationLoss(3))
                .listener(epoch -> parametersAfter.add(snapshot(net.parameters())))
                .build());
        int best = 0;
        for (int e = 1; e < history.size(); e++) {
            if (history.get(e).validationLoss() < history.get(best).validationLoss()) {
                best = e;
            }
        }
        assertTrue(history.size() < 200, "fitting noise should stop early, ran " + history.size() + " epochs");
        assertEquals(best + 1 + 3, history.size(), "three epochs without improvement after the best, epoch " + (best + 1));
        assertSameValues(parametersAfter.get(best), snapshot(net.parameters()));
    }

    @Test
    void earlyStoppingOnAccuracyWaitsForAHigherAccuracy() {
        ClassifierNet net = new ClassifierNet();
        List<EpochResult> history = Training.fit(net, clusters(300, 1), FitOptions.builder()
                .epochs(60).batchSize(16).validation(clusters(300, 2))
                .earlyStopping(new EarlyStopping(EarlyStopping.Monitor.VALIDATION_ACCURACY, 2, 0.5))
                .build());
        // No epoch can beat the first by half of all samples, so the run stops after the patience.
        assertEquals(3, history.size());
    }

    @Test
    void earlyStoppingNeedsAValidationSet() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FitOptions.builder().earlyStopping(EarlyStopping.onValidationLoss(2)).build());
        assertEquals("early stopping watches the validation set: add validation(...)", e.getMessage());
        IllegalArgumentException patience = assertThrows(IllegalArgumentException.class, () -> EarlyStopping.onValidationLoss(0));
        assertEquals("patience must be at least 1 epoch, but is 0", patience.getMessage());
    }

    @Test
    void aScheduleSetsTheRateOfEveryStepAndListenersSeeIt() {
        ClassifierNet net = new ClassifierNet();
        double base = net.learningRate();
        List<EpochResult> history = Training.fit(net, clusters(64, 1), FitOptions.builder()
                .epochs(4).batchSize(16).schedule(LearningRateSchedule.stepDecay(1, 0.5)).build());
        for (EpochResult epoch : history) {
            assertEquals(base * Math.pow(0.5, epoch.epoch() - 1), epoch.learningRate(), 1e-7, "epoch " + epoch.epoch());
        }
        assertEquals(base / 8, net.learningRate(), 1e-7, "the network keeps the last step's rate");
    }

    @Test
    void inputNoiseChangesTheTrainingButNotTheShuffleOrTheValidation() {
        FitOptions.Builder options = FitOptions.builder().epochs(2).batchSize(16).seed(5).validation(clusters(50, 3));
        ClassifierNet clean = new ClassifierNet();
        ClassifierNet noisy = new ClassifierNet();
        ClassifierNet noisyAgain = new ClassifierNet();
        List<EpochResult> cleanRun = Training.fit(clean, clusters(64, 1), options.build());
        List<EpochResult> noisyRun = Training.fit(noisy, clusters(64, 1), options.inputNoise(0.5).build());
        List<EpochResult> again = Training.fit(noisyAgain, clusters(64, 1), options.inputNoise(0.5).build());
        assertTrue(Math.abs(cleanRun.get(0).trainLoss() - noisyRun.get(0).trainLoss()) > 1e-4, "noise changes the steps");
        assertEquals(noisyRun.get(1).validationLoss(), again.get(1).validationLoss(), 0.0, "the same seed gives the same noise");
        // With σ = 0 the run is exactly the clean one: the noise has its own random stream.
        ClassifierNet zero = new ClassifierNet();
        List<EpochResult> zeroRun = Training.fit(zero, clusters(64, 1), options.inputNoise(0).build());
        assertEquals(cleanRun.get(1).validationLoss(), zeroRun.get(1).validationLoss(), 0.0);
    }

    @Test
    void aNetworksOwnScheduleAppliesUnlessTheFitCallNamesAnother() {
        ClassifierNet net = new ClassifierNet();
        double base = net.learningRate();
        net.setSchedule(LearningRateSchedule.exponential(0.5));
        List<EpochResult> own = Training.fit(net, clusters(64, 1), FitOptions.builder().epochs(3).batchSize(16).build());
        assertEquals(base / 4, own.get(2).learningRate(), 1e-7);
        ClassifierNet other = new ClassifierNet();
        other.setSchedule(LearningRateSchedule.exponential(0.5));
        List<EpochResult> overridden = Training.fit(other, clusters(64, 1), FitOptions.builder().epochs(3).batchSize(16)
                .schedule(LearningRateSchedule.constant()).build());
        assertEquals(base, overridden.get(2).learningRate(), 1e-7);
    }
}
