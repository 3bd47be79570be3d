package dev.straightline.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.Activation;
import dev.straightline.Layer;
import dev.straightline.Loss;
import dev.straightline.Tensor;
import dev.straightline.nets.ClassifierNet;
import dev.straightline.nets.RegressionNet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What a generated class offers its user, checked on {@code Classifier}: 4 → 16 relu → 8 elu (no bias) → 3. */
class GeneratedApiTest {
    private static final SplittableRandom RANDOM = new SplittableRandom(5);

    static float[] randomInputs(int values) {
        float[] x = new float[values];
        for (int i = 0; i < values; i++) {
            x[i] = (float) RANDOM.nextGaussian();
        }
        return x;
    }

    static List<float[]> snapshot(List<Tensor> tensors) {
        List<float[]> copies = new ArrayList<>();
        for (Tensor tensor : tensors) {
            float[] copy = new float[tensor.size()];
            tensor.copyTo(copy);
            copies.add(copy);
        }
        return copies;
    }

    static void assertSameValues(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int t = 0; t < expected.size(); t++) {
            assertArrayEquals(expected.get(t), actual.get(t), "tensor " + t);
        }
    }

    @Test
    void describesItself() {
        ClassifierNet net = new ClassifierNet();
        assertEquals(4, ClassifierNet.INPUTS);
        assertEquals(3, ClassifierNet.OUTPUTS);
        assertEquals(32, ClassifierNet.MAX_BATCH);
        assertEquals(7L, ClassifierNet.SEED);
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, net.loss());
        assertEquals("4 -> hidden: Dense(16, RELU) -> narrow: Dense(8, ELU(1.0), no bias) -> logits: Dense(3, IDENTITY)",
                net.architecture());
        assertEquals(0.2, net.learningRate(), 1e-7);
    }

    @Test
    void parametersAreNamedTensorsInLayerOrder() {
        ClassifierNet net = new ClassifierNet();
        List<String> names = new ArrayList<>();
        List<String> shapes = new ArrayList<>();
        for (Tensor parameter : net.parameters()) {
            names.add(parameter.name());
            shapes.add(java.util.Arrays.toString(parameter.shape()));
        }
        assertEquals(List.of("hidden.weight", "hidden.bias", "narrow.weight", "logits.weight", "logits.bias"), names);
        assertEquals(List.of("[4, 16]", "[16]", "[16, 8]", "[8, 3]", "[3]"), shapes);
        for (int t = 0; t < names.size(); t++) {
            assertEquals(names.get(t) + ".grad", net.gradients().get(t).name());
        }
    }

    @Test
    void layersAreReachableByTheirMethods() {
        ClassifierNet net = new ClassifierNet();
        Layer hidden = net.hidden();
        assertEquals("hidden", hidden.name());
        assertEquals(4, hidden.inputs());
        assertEquals(16, hidden.units());
        assertEquals(Activation.RELU, hidden.activation());
        assertEquals(List.of(net.hidden(), net.narrow(), net.logits()), net.layers());
        assertFalse(net.narrow().hasBias());
        IllegalStateException noBias = assertThrows(IllegalStateException.class, () -> net.narrow().bias());
        assertEquals("layer 'narrow' has no bias: it was declared with @Dense(bias = false)", noBias.getMessage());
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        assertSameValues(snapshot(new ClassifierNet(11).parameters()), snapshot(new ClassifierNet(11).parameters()));
        assertSameValues(snapshot(new ClassifierNet().parameters()), snapshot(new ClassifierNet(ClassifierNet.SEED).parameters()));
        ClassifierNet reseeded = new ClassifierNet(12);
        reseeded.initialize(11);
        assertSameValues(snapshot(new ClassifierNet(11).parameters()), snapshot(reseeded.parameters()));
        assertNotEquals(new ClassifierNet(11).hidden().weights().get(0), new ClassifierNet(12).hidden().weights().get(0));
    }

    @Test
    void biasesStartAtZeroAndWeightsFollowTheInitializer() {
        ClassifierNet net = new ClassifierNet();
        for (int j = 0; j < 16; j++) {
            assertEquals(0.0, net.hidden().bias().get(j));
        }
        // He initialisation for the ReLU layer: variance 2 / fanIn = 0.5
        double sumOfSquares = 0;
        Tensor w = net.hidden().weights();
        for (int i = 0; i < w.size(); i++) {
            sumOfSquares += w.get(i) * w.get(i);
        }
        assertEquals(0.5, sumOfSquares / w.size(), 0.25);
    }

    @Test
    void everyFormOfPredictAgrees() {
        ClassifierNet net = new ClassifierNet();
        int n = 70; // more than MAX_BATCH: batched prediction works in chunks
        float[] x = randomInputs(n * 4);
        float[] batched = new float[n * 3];
        net.predict(x, n, batched);
        for (int s = 0; s < n; s++) {
            float[] sample = java.util.Arrays.copyOfRange(x, s * 4, s * 4 + 4);
            float[] single = new float[3];
            net.predict(sample, single);
            assertArrayEquals(single, net.predict(sample));
            assertArrayEquals(single, java.util.Arrays.copyOfRange(batched, s * 3, s * 3 + 3), 1e-6f, "sample " + s);
            assertEquals(1.0, single[0] + single[1] + single[2], 1e-5, "probabilities sum to 1");
            int best = single[0] >= single[1] && single[0] >= single[2] ? 0 : single[1] >= single[2] ? 1 : 2;
            assertEquals(best, net.classify(sample));
        }
    }

    @Test
    void tensorViewsAreLive() {
        ClassifierNet net = new ClassifierNet();
        float[] x = randomInputs(4);
        float[] before = net.predict(x);
        net.logits().bias().set(0, 50);
        float[] after = net.predict(x);
        assertTrue(after[0] > 0.999f, "a large bias on class 0 makes it certain");
        assertNotEquals(before[0], after[0]);
    }

    @Test
    void trainBatchReturnsTheLossBeforeItsUpdateAndLowersIt() {
        ClassifierNet net = new ClassifierNet();
        float[] x = randomInputs(8 * 4);
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1};
        float before = net.loss(x, labels, 8);
        assertEquals(before, net.trainBatch(x, labels, 8), 1e-6f);
        assertTrue(net.loss(x, labels, 8) < before, "one step against the gradient lowers the loss on that batch");
    }

    @Test
    void computeGradientsChangesNoParameter() {
        ClassifierNet net = new ClassifierNet();
        List<float[]> before = snapshot(net.parameters());
        net.computeGradients(randomInputs(5 * 4), new int[] {0, 1, 2, 1, 0}, 5);
        assertSameValues(before, snapshot(net.parameters()));
        assertNotEquals(0.0, net.logits().weightGradient().get(0));
    }

    @Test
    void sgdMovesEachParameterAgainstItsGradient() {
        RegressionNet net = new RegressionNet();
        double[] x = {1, 2, 3, -1, 0, 2};
        double[] y = {0.5, -1, 2, 0};
        net.computeGradients(x, y, 2);
        double w = net.linear().weights().get(1, 0);
        double g = net.linear().weightGradient().get(1, 0);
        double b = net.linear().bias().get(1);
        double gb = net.linear().biasGradient().get(1);
        net.trainBatch(x, y, 2);
        assertEquals(w - 0.1 * g, net.linear().weights().get(1, 0), 1e-12);
        assertEquals(b - 0.1 * gb, net.linear().bias().get(1), 1e-12);
    }

    @Test
    void theLearningRateCanChangeButMustBePositive() {
        ClassifierNet net = new ClassifierNet();
        net.setLearningRate(0.05);
        assertEquals(0.05, net.learningRate(), 1e-7);
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> net.setLearningRate(0));
        assertEquals("the learning rate must be positive and finite, but is 0.0", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.setLearningRate(Double.NaN));
    }
}
