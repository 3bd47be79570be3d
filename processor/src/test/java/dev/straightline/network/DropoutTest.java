package dev.straightline.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.Tensor;
import dev.straightline.nets.DroppingLayersNet;
import dev.straightline.nets.DroppingNet;
import dev.straightline.nets.NotDroppingNet;
import dev.straightline.runtime.Batch;
import dev.straightline.runtime.DataSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Inverted dropout: in a training step each hidden output is kept and scaled by 1/(1 − rate), or
 * dropped; the masks stay fixed until the next update, so the step's loss can be differentiated
 * numerically; prediction and loss evaluation use no dropout at all.
 */
class DropoutTest {
    private static DataSet data(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * 6];
        int[] labels = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(3);
        }
        return DataSet.labeled(x, 6, labels, 3);
    }

    private static Batch batch(DroppingNet net, int n) {
        Batch batch = new Batch(net, n);
        batch.fill(data(n, 3), 0, n);
        return batch;
    }

    @Test
    void theGradientOfATrainingStepIsTheGradientOfItsLossWithTheSameMasks() {
        DroppingNet net = new DroppingNet();
        net.trainBatch(batch(net, 12)); // masks of step 1, not of step 0
        Batch batch = batch(net, 12);
        double loss = net.computeGradients(batch);
        assertEquals(loss, net.computeGradients(batch), 0.0, "the masks stay until the next update");
        List<Tensor> parameters = net.parameters();
        List<Tensor> gradients = net.gradients();
        double[][] analytic = new double[gradients.size()][];
        for (int t = 0; t < gradients.size(); t++) {
            analytic[t] = new double[gradients.get(t).size()];
            for (int i = 0; i < analytic[t].length; i++) {
                analytic[t][i] = gradients.get(t).get(i);
            }
        }
        double h = 1e-6;
        int checked = 0;
        for (int t = 0; t < parameters.size(); t++) {
            Tensor p = parameters.get(t);
            for (int i = 0; i < p.size(); i += 3) {
                double original = p.get(i);
                p.set(i, original + h);
                double up = net.computeGradients(batch);
                p.set(i, original - h);
                double down = net.computeGradients(batch);
                p.set(i, original);
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, analytic[t][i], 1e-6 + 1e-5 * Math.abs(numeric), p.name() + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked > 300, "checked " + checked + " elements");
    }

    /** Rows of the second layer's weight gradient whose input was zero in every sample of the batch. */
    private static int zeroRows(DroppingNet net) {
        Tensor w = net.second().weightGradient();
        int zero = 0;
        for (int k = 0; k < 40; k++) {
            boolean all = true;
            for (int j = 0; j < 20; j++) {
                all &= w.get(k, j) == 0;
            }
            zero += all ? 1 : 0;
        }
        return zero;
    }

    @Test
    void aDroppedOutputPassesNothingOn() {
        DroppingNet net = new DroppingNet();
        // One sample: the inputs of 'second' that dropout (rate 0.5) or ReLU zeroed give zero rows of dW.
        net.computeGradients(batch(net, 1));
        int oneSample = zeroRows(net);
        assertTrue(oneSample >= 14 && oneSample <= 36, oneSample + " of 40 rows zero for one sample");
        // Forty samples: an input zero in all of them is vanishingly rare.
        net.computeGradients(batch(net, 40));
        assertEquals(0, zeroRows(net));
    }

    @Test
    void predictionAndEvaluationUseNoDropout() {
        DroppingNet dropping = new DroppingNet();
        NotDroppingNet plain = new NotDroppingNet();
        for (int t = 0; t < dropping.parameters().size(); t++) {
            Tensor from = dropping.parameters().get(t);
            for (int i = 0; i < from.size(); i++) {
                plain.parameters().get(t).set(i, from.get(i));
            }
        }
        dropping.trainBatch(batch(dropping, 8)); // a training step in between must leave no trace
        for (int t = 0; t < dropping.parameters().size(); t++) {
            Tensor from = dropping.parameters().get(t);
            for (int i = 0; i < from.size(); i++) {
                plain.parameters().get(t).set(i, from.get(i));
            }
        }
        DataSet test = data(20, 9);
        float[] expected = new float[20 * 3];
        float[] actual = new float[20 * 3];
        plain.predictBatch(test.features(), 20, expected);
        dropping.predictBatch(test.features(), 20, actual);
        assertArrayEquals(expected, actual);
        dropping.predictBatch(test.features(), 20, actual);
        assertArrayEquals(expected, actual, "predict is deterministic");
        Batch b = new Batch(dropping, 20);
        b.fill(test, 0, 20);
        assertEquals(plain.evaluateBatch(b), dropping.evaluateBatch(b), 0.0);
    }

    @Test
    void dropoutLayersAreTheSameAsTheDropoutAttribute() {
        DroppingNet attribute = new DroppingNet();
        DroppingLayersNet layers = new DroppingLayersNet();
        Batch a = batch(attribute, 16);
        Batch b = new Batch(layers, 16);
        b.fill(data(16, 3), 0, 16);
        for (int step = 0; step < 3; step++) {
            assertEquals(attribute.trainBatch(a), layers.trainBatch(b), 0.0, "step " + step);
        }
        assertEquals("hiddenDropout", layers.hiddenDropout().name());
        assertEquals(40, layers.hiddenDropout().units());
        assertEquals("dropout layer 'hiddenDropout' has no parameters",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> layers.hiddenDropout().weights())
                        .getMessage());
        assertEquals(3, layers.layers().size(), "layers() lists the dense layers");
        org.junit.jupiter.api.Assertions.assertSame(layers.hiddenDropout(), layers.hiddenDropout(), "one view, made with the network");
    }

    @Test
    void everyUpdateDrawsNewMasks() {
        DroppingNet net = new DroppingNet();
        Batch batch = batch(net, 16);
        double first = net.computeGradients(batch);
        List<Tensor> parameters = net.parameters();
        double[][] saved = new double[parameters.size()][];
        for (int t = 0; t < parameters.size(); t++) {
            saved[t] = new double[parameters.get(t).size()];
            for (int i = 0; i < saved[t].length; i++) {
                saved[t][i] = parameters.get(t).get(i);
            }
        }
        net.trainBatch(batch);
        for (int t = 0; t < parameters.size(); t++) {
            for (int i = 0; i < saved[t].length; i++) {
                parameters.get(t).set(i, saved[t][i]);
            }
        }
        assertNotEquals(first, net.computeGradients(batch), "same weights, new masks, another loss");
        net.initialize(DroppingNet.SEED);
        assertEquals(first, net.computeGradients(batch), 0.0, "initialize starts the masks over");
    }
}
