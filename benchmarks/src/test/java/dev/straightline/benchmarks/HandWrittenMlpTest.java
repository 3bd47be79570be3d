package dev.straightline.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The benchmark compares equal work: the reference computes what the generated network computes. */
class HandWrittenMlpTest {
    @Test
    void referenceAndGeneratedNetworkAgreeOnLossGradientsAndPredictions() {
        Mnist128Net generated = new Mnist128Net(1);
        HandWrittenMlp reference = new HandWrittenMlp(128, 0.01f);
        reference.copyWeightsFrom(generated);
        float[] x = Inputs.pixels(32, 2);
        int[] labels = Inputs.labels(32, 3);
        for (int step = 0; step < 3; step++) {
            assertEquals(generated.trainBatch(x, labels, 32), reference.trainBatch(x, labels, 32), 1e-5f, "step " + step);
        }
        generated.computeGradients(x, labels, 32);
        reference.computeGradients(x, labels, 32);
        for (int k = 0; k < 784; k += 97) {
            for (int j = 0; j < 128; j++) {
                assertEquals(generated.hidden().weightGradient().get(k, j), reference.dw1[k][j], 1e-6, "dW1[" + k + "][" + j + "]");
            }
        }
        for (int j = 0; j < 10; j++) {
            assertEquals(generated.logits().biasGradient().get(j), reference.db2[j], 1e-6);
        }
        float[] a = new float[10];
        float[] b = new float[10];
        generated.predict(Inputs.pixels(1, 9), a);
        reference.predict(Inputs.pixels(1, 9), b);
        assertArrayEquals(a, b, 1e-6f);
    }
}
