package dev.straightline.network;

import static dev.straightline.network.TrainingLoopTest.clusters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.nets.ClassifierNet;
import dev.straightline.nets.DroppingFloatNet;
import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.Evaluation;
import dev.straightline.runtime.FitOptions;
import dev.straightline.runtime.HyperparameterSearch;
import dev.straightline.runtime.HyperparameterSearch.Trial;
import dev.straightline.runtime.TrainableNetwork;
import dev.straightline.runtime.Training;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HyperparameterSearchTest {
    private static final DataSet TRAIN = clusters(200, 1);
    private static final DataSet VALIDATION = clusters(100, 2);

    @Test
    void gridSearchTriesEveryCombinationOnAFreshNetworkAndRanksThemOnValidationLoss() {
        FitOptions base = FitOptions.builder().epochs(3).validation(VALIDATION).build();
        List<Trial> trials = HyperparameterSearch.of(settings -> new ClassifierNet(), base)
                .values("learningRate", 0.001, 0.3)
                .values("batchSize", 8, 32)
                .grid(TRAIN);
        assertEquals(4, trials.size());
        Set<Map<String, Double>> seen = new HashSet<>();
        for (int t = 0; t < trials.size(); t++) {
            seen.add(trials.get(t).settings());
            if (t > 0) {
                assertTrue(trials.get(t).validationLoss() >= trials.get(t - 1).validationLoss(), "best first");
            }
        }
        assertEquals(4, seen.size(), "every combination once");
        assertEquals(0.3, trials.get(0).settings().get("learningRate"), "a rate of 0.001 barely moves in 3 epochs");
        // Each trial is a fresh network: repeating the best one's settings by hand gives its score.
        ClassifierNet again = new ClassifierNet();
        again.setLearningRate(0.3);
        Training.fit(again, TRAIN, base.toBuilder().batchSize((int) (double) trials.get(0).settings().get("batchSize")).build());
        assertEquals(trials.get(0).validationLoss(), Evaluation.of(again, VALIDATION).loss(), 0.0);
        String table = HyperparameterSearch.table(trials);
        assertEquals(5, table.lines().count(), table);
        assertTrue(table.lines().findFirst().orElseThrow().contains("learningRate"), table);
    }

    @Test
    void randomSearchDrawsFromRangesAndTheFactoryAppliesTheRest() {
        DataSet wide = DataSet.labeled(new float[64 * 23], 23, new int[64], 4);
        Set<Double> rates = new HashSet<>();
        List<Trial> trials = HyperparameterSearch.of(settings -> {
            TrainableNetwork net = new DroppingFloatNet();
            net.setClassWeights(1, settings.get("weight"), 1, 1);
            return net;
        }, FitOptions.builder().epochs(1).validation(wide).build())
                .logUniform("learningRate", 1e-4, 1e-1)
                .values("weight", 1, 2)
                .random(wide, 6, 7)
                .stream().peek(t -> rates.add(t.settings().get("learningRate"))).toList();
        assertEquals(6, trials.size());
        assertEquals(6, rates.size(), "six different rates drawn");
        for (double rate : rates) {
            assertTrue(rate >= 1e-4 && rate < 1e-1, "in range: " + rate);
        }
    }
}
