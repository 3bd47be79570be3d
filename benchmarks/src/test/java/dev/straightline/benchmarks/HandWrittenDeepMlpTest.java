package dev.straightline.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The M2 benchmark compares equal work: the reference computes what the generated network computes. */
class HandWrittenDeepMlpTest {
    @Test
    void referenceAndGeneratedNetworkAgreeOnLossAndEveryLayersGradients() {
        Mnist256x128Net generated = new Mnist256x128Net(1);
        HandWrittenDeepMlp reference = new HandWrittenDeepMlp(128, 0.01f);
        reference.copyWeightsFrom(generated);
        float[] x = Inputs.pixels(32, 2);
        int[] labels = Inputs.labels(32, 3);
        for (int step = 0; step < 3; step++) {
            assertEquals(generated.trainBatch(x, labels, 32), reference.trainBatch(x, labels, 32), 1e-5f, "step " + step);
        }
        generated.computeGradients(x, labels, 32);
        reference.computeGradients(x, labels, 32);
        for (int k = 0; k < 784; k += 97) {
            for (int j = 0; j < 256; j++) {
                assertEquals(generated.hidden1().weightGradient().get(k, j), reference.dw1[k][j], 1e-6, "dW1[" + k + "][" + j + "]");
            }
        }
        for (int k = 0; k < 256; k += 17) {
            for (int j = 0; j < 128; j++) {
                assertEquals(generated.hidden2().weightGradient().get(k, j), reference.dw2[k][j], 1e-6, "dW2[" + k + "][" + j + "]");
            }
        }
        for (int j = 0; j < 256; j++) {
            assertEquals(generated.hidden1().biasGradient().get(j), reference.db1[j], 1e-6, "db1[" + j + "]");
        }
        for (int k = 0; k < 128; k++) {
            for (int j = 0; j < 10; j++) {
                assertEquals(generated.logits().weightGradient().get(k, j), reference.dw3[k][j], 1e-6, "dW3[" + k + "][" + j + "]");
            }
        }
    }
}
