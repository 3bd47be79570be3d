package dev.straightline.runtime;

import dev.straightline.Loss;

/**
 * Counts correct predictions in a batch: the arg-max class for softmax cross-entropy, each
 * output thresholded at 0.5 for binary cross-entropy (every label counts), nothing for regression.
 */
final class Accuracy {
    private Accuracy() {}

    /** Whether the loss has a notion of accuracy. */
    static boolean defined(Loss loss) {
        return loss != Loss.MEAN_SQUARED_ERROR;
    }

    /** Number of predictions scored in a batch of {@code n} samples. */
    static int scored(Loss loss, int n, int outputs) {
        return loss == Loss.BINARY_CROSS_ENTROPY ? n * outputs : n;
    }

    /** Number of correct predictions in the batch's {@link Batch#predictions()}. */
    static int correct(Loss loss, Batch batch) {
        int n = batch.size();
        int width = batch.outputs();
        float[] predicted = batch.predictions();
        int correct = 0;
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
            int[] labels = batch.labels();
            for (int i = 0; i < n; i++) {
                if (argMax(predicted, i * width, width) == labels[i]) {
                    correct++;
                }
            }
        } else if (loss == Loss.BINARY_CROSS_ENTROPY) {
            float[] targets = batch.targets();
            for (int i = 0; i < n * width; i++) {
                if ((predicted[i] >= 0.5f) == (targets[i] >= 0.5f)) {
                    correct++;
                }
            }
        }
        return correct;
    }

    static int argMax(float[] values, int offset, int length) {
        int best = 0;
        for (int j = 1; j < length; j++) {
            if (values[offset + j] > values[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}
