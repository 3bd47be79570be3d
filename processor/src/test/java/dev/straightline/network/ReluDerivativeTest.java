package dev.straightline.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.straightline.Layer;
import dev.straightline.Tensor;
import dev.straightline.nets.WideExactNet;
import dev.straightline.nets.WideNet;
import dev.straightline.runtime.Batch;
import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.TrainableNetwork;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ReLU derivative is [z > 0] exactly, at the edges too: 1 for the smallest positive value,
 * 0 for zero and the largest negative value. (The generated loop computes it without a branch.)
 */
class ReluDerivativeTest {

    @Test
    void theSmallestPositivePreActivationPassesTheWholeGradientInFloat() {
        WideNet net = new WideNet(5);
        assertEdges(net, net.first(), net.second(), Float.MIN_VALUE);
    }

    @Test
    void theSmallestPositivePreActivationPassesTheWholeGradientInDouble() {
        WideExactNet net = new WideExactNet(5);
        assertEdges(net, net.first(), net.second(), Double.MIN_VALUE);
    }

    /**
     * Units 0-3 of the ReLU layer get z = tiny, 0, −tiny and 1 in every sample (zero weights, the
     * value as bias) and the same outgoing weights, so the gradient reaching each is the same dH.
     */
    private static void assertEdges(TrainableNetwork net, Layer relu, Layer next, double tiny) {
        double[] z = {tiny, 0, -tiny, 1};
        for (int j = 0; j < z.length; j++) {
            for (int k = 0; k < relu.inputs(); k++) {
                relu.weights().set(k, j, 0);
            }
            relu.bias().set(j, z[j]);
            for (int o = 0; o < next.units(); o++) {
                next.weights().set(j, o, next.weights().get(0, o));
            }
        }
        Batch batch = new Batch(net, 16);
        batch.fill(data(relu.inputs(), 16), 0, 16);
        net.computeGradients(batch);

        Tensor gradient = relu.biasGradient();
        assertNotEquals(0.0, gradient.get(3), "the gradient reaching the units");
        assertEquals(gradient.get(3), gradient.get(0), 0.0, "z = smallest positive value: derivative 1");
        assertEquals(0.0, gradient.get(1), 0.0, "z = 0: derivative 0");
        assertEquals(0.0, gradient.get(2), 0.0, "z = −smallest positive value: derivative 0");
    }

    private static DataSet data(int inputs, int n) {
        SplittableRandom random = new SplittableRandom(9);
        float[] x = new float[n * inputs];
        int[] labels = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int s = 0; s < n; s++) {
            labels[s] = random.nextInt(4);
        }
        return DataSet.labeled(x, inputs, labels, 4);
    }
}
