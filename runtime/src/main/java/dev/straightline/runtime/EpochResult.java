package dev.straightline.runtime;

/**
 * What one epoch of {@link Training#fit} measured. Training loss and accuracy are averaged over
 * the epoch's batches as they were trained; the validation figures are {@code NaN} when no
 * validation set was given, accuracies are {@code NaN} for regression networks.
 *
 * @param epoch 1 for the first epoch
 * @param samplesPerSecond training samples per second of wall time, validation excluded
 * @param penalty the network's regularisation term at the end of the epoch, {@code λ·‖W‖²}, reported
 *     apart from the data losses; 0 without one
 */
public record EpochResult(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double validationLoss,
        double validationAccuracy,
        double learningRate,
        double samplesPerSecond,
        double seconds,
        double penalty) {

    /** An epoch of a network without a penalty. */
    public EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
            double validationAccuracy, double learningRate, double samplesPerSecond, double seconds) {
        this(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, learningRate, samplesPerSecond, seconds, 0);
    }

    /** Whether a validation set was evaluated. */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }

    /** One line such as {@code epoch 1  loss 0.5123  acc 81.20%  val_loss 0.4410  val_acc 84.30%  52,000 samples/s}. */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(String.format("epoch %d  loss %.4f", epoch, trainLoss));
        if (!Double.isNaN(trainAccuracy)) {
            line.append(String.format("  acc %.2f%%", 100 * trainAccuracy));
        }
        if (hasValidation()) {
            line.append(String.format("  val_loss %.4f", validationLoss));
            if (!Double.isNaN(validationAccuracy)) {
                line.append(String.format("  val_acc %.2f%%", 100 * validationAccuracy));
            }
        }
        if (penalty > 0) {
            line.append(String.format("  penalty %.4f", penalty));
        }
        line.append(String.format("  %,.0f samples/s", samplesPerSecond));
        return line.toString();
    }
}
