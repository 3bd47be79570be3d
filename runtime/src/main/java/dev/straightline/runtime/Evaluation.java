package dev.straightline.runtime;

/**
 * Mean loss and accuracy of a network on a data set. Accuracy is {@code NaN} for regression
 * (mean squared error) networks.
 */
public record Evaluation(double loss, double accuracy, int samples) {

    /** Evaluates {@code network} on every sample of {@code data}; the network is not changed. */
    public static Evaluation of(TrainableNetwork network, DataSet data) {
        data.requireCompatible(network);
        return of(network, data, new Batch(network, network.maxBatch()));
    }

    static Evaluation of(TrainableNetwork network, DataSet data, Batch batch) {
        double lossSum = 0;
        long correct = 0;
        long scored = 0;
        for (int from = 0; from < data.size(); from += batch.capacity()) {
            int count = Math.min(batch.capacity(), data.size() - from);
            batch.fill(data, from, count);
            lossSum += network.evaluateBatch(batch) * count;
            correct += Accuracy.correct(network.loss(), batch);
            scored += Accuracy.scored(network.loss(), count, network.outputs());
        }
        double accuracy = Accuracy.defined(network.loss()) ? (double) correct / scored : Double.NaN;
        return new Evaluation(lossSum / data.size(), accuracy, data.size());
    }
}
