package dev.straightline.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of one {@link Training#fit} run. Build with {@link #builder()}; unset values take the
 * defaults shown on each builder method.
 */
public final class FitOptions {
    private final int epochs;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private final DataSet validation;
    private final List<EpochListener> listeners;
    private final EarlyStopping earlyStopping;
    private final LearningRateSchedule schedule;
    private final Progress progress;
    private final double inputNoise;

    private FitOptions(Builder builder) {
        this.epochs = builder.epochs;
        this.batchSize = builder.batchSize;
        this.seed = builder.seed;
        this.shuffle = builder.shuffle;
        this.validation = builder.validation;
        this.listeners = List.copyOf(builder.listeners);
        this.earlyStopping = builder.earlyStopping;
        this.schedule = builder.schedule;
        this.progress = builder.progress;
        this.inputNoise = builder.inputNoise;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.epochs = epochs;
        builder.batchSize = batchSize;
        builder.seed = seed;
        builder.shuffle = shuffle;
        builder.validation = validation;
        builder.listeners.addAll(listeners);
        builder.earlyStopping = earlyStopping;
        builder.schedule = schedule;
        builder.progress = progress;
        builder.inputNoise = inputNoise;
        return builder;
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public long seed() {
        return seed;
    }

    public boolean shuffle() {
        return shuffle;
    }

    /** The validation set, or {@code null} when none was given. */
    DataSet validation() {
        return validation;
    }

    public boolean hasValidation() {
        return validation != null;
    }

    public List<EpochListener> listeners() {
        return listeners;
    }

    /** The standard deviation of the Gaussian noise added to training inputs; 0 for none. */
    public double inputNoise() {
        return inputNoise;
    }

    /** Where progress is reported, or {@code null} for nowhere. */
    public Progress progress() {
        return progress;
    }

    /** The learning-rate schedule, or {@code null} when the network's rate is left as it is. */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** Early stopping, or {@code null} when training runs all its epochs. */
    public EarlyStopping earlyStopping() {
        return earlyStopping;
    }

    /** Builder of {@link FitOptions}. */
    public static final class Builder {
        private int epochs = 10;
        private int batchSize = 32;
        private long seed = 1L;
        private boolean shuffle = true;
        private DataSet validation;
        private final List<EpochListener> listeners = new ArrayList<>();
        private EarlyStopping earlyStopping;
        private LearningRateSchedule schedule;
        private Progress progress;
        private double inputNoise;

        private Builder() {}

        /** Passes over the training set; default 10. */
        public Builder epochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, but is " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /** Samples per optimizer step, at most the network's maxBatch; default 32. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, but is " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Seed of the per-epoch shuffle; default 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether each epoch visits the samples in a new random order; default true. */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** A data set evaluated after every epoch; default none. */
        public Builder validation(DataSet validation) {
            this.validation = Objects.requireNonNull(validation, "validation");
            return this;
        }

        /** Called after every epoch; default none. */
        public Builder listener(EpochListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds independent Gaussian noise N(0, σ²) to every input of every training batch (seed 000,
         * §4.2: a smoothness prior, like a penalty on the weights); validation and evaluation see the
         * clean inputs. Drawn from the run's seed. Default 0: none.
         */
        public Builder inputNoise(double standardDeviation) {
            if (!(standardDeviation >= 0 && Double.isFinite(standardDeviation))) {
                throw new IllegalArgumentException("inputNoise must be a finite standard deviation of at least 0, but is "
                        + standardDeviation);
            }
            this.inputNoise = standardDeviation;
            return this;
        }

        /** Reports progress, such as {@link Progress#toConsole()}; default: silent. */
        public Builder progress(Progress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * Sets the network's learning rate before every step from its rate when the run starts;
         * default: the network's own schedule ({@code setSchedule}), if any, else the rate is left alone.
         */
        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /**
         * Stops when the validation metric stops improving and restores the best epoch's parameters;
         * needs a {@link #validation} set. Default: run every epoch.
         */
        public Builder earlyStopping(EarlyStopping earlyStopping) {
            this.earlyStopping = Objects.requireNonNull(earlyStopping, "earlyStopping");
            return this;
        }

        /** @throws IllegalStateException if early stopping is set without a validation set */
        public FitOptions build() {
            if (earlyStopping != null && validation == null) {
                throw new IllegalStateException("early stopping watches the validation set: add validation(...)");
            }
            return new FitOptions(this);
        }
    }
}
