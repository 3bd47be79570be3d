package dev.straightline.runtime;

/**
 * Stops {@link Training#fit} when the validation metric has not improved for {@code patience}
 * epochs in a row, and puts back the parameters of the best epoch (seed 000, §4.2). Improvement
 * means a lower validation loss, or a higher validation accuracy, by more than {@code minDelta}.
 *
 * @param monitor what is watched
 * @param patience epochs without improvement that are tolerated before stopping; at least 1
 * @param minDelta the smallest change that counts as an improvement; at least 0
 */
public record EarlyStopping(Monitor monitor, int patience, double minDelta) {
    /** The metric early stopping watches, measured on the validation set after every epoch. */
    public enum Monitor {
        VALIDATION_LOSS,
        VALIDATION_ACCURACY
    }

    public EarlyStopping {
        if (monitor == null) {
            throw new IllegalArgumentException("monitor must not be null");
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1 epoch, but is " + patience);
        }
        if (!(minDelta >= 0 && Double.isFinite(minDelta))) {
            throw new IllegalArgumentException("minDelta must be at least 0 and finite, but is " + minDelta);
        }
    }

    /** Stops after {@code patience} epochs without a lower validation loss. */
    public static EarlyStopping onValidationLoss(int patience) {
        return new EarlyStopping(Monitor.VALIDATION_LOSS, patience, 0);
    }

    /** Stops after {@code patience} epochs without a higher validation accuracy. */
    public static EarlyStopping onValidationAccuracy(int patience) {
        return new EarlyStopping(Monitor.VALIDATION_ACCURACY, patience, 0);
    }

    /** The watched value of an epoch, as a score where higher is better. */
    double score(EpochResult epoch) {
        return monitor == Monitor.VALIDATION_LOSS ? -epoch.validationLoss() : epoch.validationAccuracy();
    }
}
