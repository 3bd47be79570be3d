package dev.straightline.runtime;

import dev.straightline.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training loop around a generated network: shuffled minibatches, one optimizer step per
 * batch, per-epoch metrics and listeners. The same seed and data give the same run.
 */
public final class Training {
    private Training() {}

    /**
     * Trains {@code network} on {@code train}. With {@link FitOptions#earlyStopping()}, training ends
     * once the validation metric has not improved for the patience, and the network is left with
     * the parameters of its best epoch (the optimizer's state stays as it was after the last step).
     *
     * @return one result per epoch that ran
     * @throws NonFiniteException if a step produced a non-finite loss or gradient; the message
     *     names the epoch and batch, and that batch's update was not applied
     */
    public static List<EpochResult> fit(TrainableNetwork network, DataSet train, FitOptions options) {
        train.requireCompatible(network);
        if (options.hasValidation()) {
            options.validation().requireCompatible(network);
        }
        if (options.batchSize() > network.maxBatch()) {
            throw new IllegalArgumentException("batchSize " + options.batchSize()
                    + " is larger than the network's maxBatch " + network.maxBatch()
                    + "; raise @Network(maxBatch = ...) or use smaller batches");
        }
        Batch batch = new Batch(network, options.batchSize());
        Batch evaluationBatch = options.hasValidation() ? new Batch(network, network.maxBatch()) : null;
        int[] order = identity(train.size());
        SplittableRandom random = new SplittableRandom(options.seed());
        // Its own stream, so that adding noise leaves the shuffle of a run as it was.
        SplittableRandom noise = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + 1);
        List<EpochResult> history = new ArrayList<>();
        EarlyStopping stopping = options.earlyStopping();
        BestParameters best = stopping == null ? null : new BestParameters(network.parameters());
        LearningRateSchedule schedule = options.schedule() != null ? options.schedule() : network.schedule();
        double baseRate = network.learningRate();
        long stepsPerEpoch = (train.size() + batch.capacity() - 1) / batch.capacity();
        long totalSteps = stepsPerEpoch * options.epochs();
        long step = 0;
        Progress progress = options.progress();
        if (progress != null) {
            progress.begin(options.epochs(), stepsPerEpoch);
        }
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            if (options.shuffle()) {
                shuffle(order, random);
            }
            long start = System.nanoTime();
            double lossSum = 0;
            long correct = 0;
            long scored = 0;
            int batchNumber = 0;
            for (int from = 0; from < train.size(); from += batch.capacity()) {
                int count = Math.min(batch.capacity(), train.size() - from);
                batch.fill(train, order, from, count);
                if (options.inputNoise() > 0) {
                    addNoise(batch.features(), count * train.inputs(), options.inputNoise(), noise);
                }
                if (schedule != null) {
                    network.setLearningRate(schedule.rate(baseRate, step, stepsPerEpoch, totalSteps));
                }
                step++;
                double loss;
                try {
                    loss = network.trainBatch(batch);
                } catch (NonFiniteException e) {
                    throw new NonFiniteException("epoch " + epoch + ", batch " + batchNumber
                            + " (samples " + from + " to " + (from + count - 1) + " of the shuffled order)", e);
                }
                lossSum += loss * count;
                correct += Accuracy.correct(network.loss(), batch);
                scored += Accuracy.scored(network.loss(), count, network.outputs());
                batchNumber++;
                if (progress != null) {
                    progress.batch(epoch, batchNumber, lossSum / (from + count), from + count, System.nanoTime() - start);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double trainAccuracy = Accuracy.defined(network.loss()) ? (double) correct / scored : Double.NaN;
            double validationLoss = Double.NaN;
            double validationAccuracy = Double.NaN;
            if (options.hasValidation()) {
                Evaluation validation = Evaluation.of(network, options.validation(), evaluationBatch);
                validationLoss = validation.loss();
                validationAccuracy = validation.accuracy();
            }
            EpochResult result = new EpochResult(epoch, lossSum / train.size(), trainAccuracy,
                    validationLoss, validationAccuracy, network.learningRate(), train.size() / seconds, seconds,
                    network.penalty());
            history.add(result);
            if (progress != null) {
                progress.epoch(result);
            }
            for (EpochListener listener : options.listeners()) {
                listener.onEpoch(result);
            }
            if (stopping != null) {
                double score = stopping.score(result);
                if (best.epoch == 0 || score > best.score + stopping.minDelta()) {
                    best.keep(epoch, score);
                } else if (epoch - best.epoch >= stopping.patience()) {
                    break;
                }
            }
        }
        if (best != null && best.epoch < history.size()) {
            best.restore();
        }
        return List.copyOf(history);
    }

    /** A copy of the parameters of the best epoch so far. */
    private static final class BestParameters {
        private final List<Tensor> parameters;
        private final double[][] values;
        int epoch;
        double score;

        BestParameters(List<Tensor> parameters) {
            this.parameters = parameters;
            this.values = new double[parameters.size()][];
            for (int t = 0; t < values.length; t++) {
                values[t] = new double[parameters.get(t).size()];
            }
        }

        void keep(int epoch, double score) {
            this.epoch = epoch;
            this.score = score;
            for (int t = 0; t < values.length; t++) {
                Tensor tensor = parameters.get(t);
                for (int i = 0; i < values[t].length; i++) {
                    values[t][i] = tensor.get(i);
                }
            }
        }

        void restore() {
            for (int t = 0; t < values.length; t++) {
                Tensor tensor = parameters.get(t);
                for (int i = 0; i < values[t].length; i++) {
                    tensor.set(i, values[t][i]);
                }
            }
        }
    }

    static void addNoise(float[] features, int length, double deviation, SplittableRandom random) {
        for (int i = 0; i < length; i++) {
            features[i] += (float) (deviation * random.nextGaussian());
        }
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Fisher–Yates shuffle. */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
