package dev.straightline.runtime;

import dev.straightline.Loss;

/** Metrics of a trained network on a data set, beyond loss and accuracy; the network is not changed. */
public final class Metrics {
    private Metrics() {}

    /** Mean squared error and R² of a regression network, each output and on average. */
    public record Regression(double meanSquaredError, double[] rSquared) {
        /** R² averaged over the outputs. */
        public double meanRSquared() {
            double sum = 0;
            for (double r : rSquared) {
                sum += r;
            }
            return sum / rSquared.length;
        }
    }

    /**
     * The confusion matrix of a classifier: softmax cross-entropy (the most probable class), or
     * binary cross-entropy with one output (class 1 when σ ≥ 0.5).
     */
    public static ConfusionMatrix confusion(TrainableNetwork network, DataSet data) {
        data.requireCompatible(network);
        boolean binary = network.loss() == Loss.BINARY_CROSS_ENTROPY;
        if (!(network.loss() == Loss.SOFTMAX_CROSS_ENTROPY || binary && network.outputs() == 1)) {
            throw new IllegalArgumentException("a confusion matrix needs a classifier (softmax cross-entropy, or binary "
                    + "cross-entropy with one output), but the network has " + network.loss() + " with "
                    + network.outputs() + " outputs");
        }
        int classes = binary ? 2 : network.outputs();
        float[] out = predictions(network, data);
        ConfusionMatrix matrix = new ConfusionMatrix(classes);
        for (int s = 0; s < data.size(); s++) {
            int predicted;
            if (binary) {
                predicted = out[s] >= 0.5f ? 1 : 0;
            } else {
                predicted = 0;
                for (int j = 1; j < classes; j++) {
                    if (out[s * classes + j] > out[s * classes + predicted]) {
                        predicted = j;
                    }
                }
            }
            matrix.add(data.label(s), predicted);
        }
        return matrix;
    }

    /** Mean squared error over every output of every sample, and R² = 1 − SS_res / SS_tot per output. */
    public static Regression regression(TrainableNetwork network, DataSet data) {
        data.requireCompatible(network);
        if (network.loss() != Loss.MEAN_SQUARED_ERROR) {
            throw new IllegalArgumentException("R² and mean squared error need a regression network (MEAN_SQUARED_ERROR), "
                    + "but the network has " + network.loss());
        }
        int width = network.outputs();
        float[] out = predictions(network, data);
        float[] y = data.targets();
        double[] mean = new double[width];
        for (int s = 0; s < data.size(); s++) {
            for (int j = 0; j < width; j++) {
                mean[j] += y[s * width + j] / (double) data.size();
            }
        }
        double[] residual = new double[width];
        double[] total = new double[width];
        double squared = 0;
        for (int s = 0; s < data.size(); s++) {
            for (int j = 0; j < width; j++) {
                double error = out[s * width + j] - (double) y[s * width + j];
                double spread = y[s * width + j] - mean[j];
                residual[j] += error * error;
                total[j] += spread * spread;
                squared += error * error;
            }
        }
        double[] r2 = new double[width];
        for (int j = 0; j < width; j++) {
            r2[j] = 1 - residual[j] / total[j];
        }
        return new Regression(squared / ((double) data.size() * width), r2);
    }

    private static float[] predictions(TrainableNetwork network, DataSet data) {
        float[] out = new float[data.size() * network.outputs()];
        network.predictBatch(data.features(), data.size(), out);
        return out;
    }
}
