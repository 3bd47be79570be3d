package dev.straightline.runtime;

/**
 * The learning rate of each optimizer step of a {@link Training#fit} run, as a function of the
 * network's rate when the run started ({@code base}) and the step's place in the run. Epoch-based
 * schedules change the rate at epoch boundaries; {@link #cosine} and {@link #withWarmUp} change it
 * every step. The rate in effect is visible to listeners as {@link EpochResult#learningRate()}.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /**
     * The rate of step {@code step} (0-based, counted over the whole run) of a run of
     * {@code totalSteps} steps, {@code stepsPerEpoch} per epoch.
     */
    double rate(double base, long step, long stepsPerEpoch, long totalSteps);

    /** The base rate throughout (the default). */
    static LearningRateSchedule constant() {
        return (base, step, perEpoch, total) -> base;
    }

    /** The base rate times {@code factor} after every {@code everyEpochs} epochs: base · factor^⌊epoch / everyEpochs⌋. */
    static LearningRateSchedule stepDecay(int everyEpochs, double factor) {
        if (everyEpochs < 1) {
            throw new IllegalArgumentException("everyEpochs must be at least 1, but is " + everyEpochs);
        }
        requireFactor(factor);
        return (base, step, perEpoch, total) -> base * Math.pow(factor, (step / perEpoch) / everyEpochs);
    }

    /** The base rate times {@code factor} per epoch: base · factor^epoch (epochs counted from 0). */
    static LearningRateSchedule exponential(double factor) {
        requireFactor(factor);
        return (base, step, perEpoch, total) -> base * Math.pow(factor, step / perEpoch);
    }

    /**
     * Cosine annealing over the run (Loshchilov and Hutter, 2017), step by step, from the base rate
     * towards {@code minimum} · base, which the step after the last would reach:
     * min + (base − min)·(1 + cos(π·step/total))/2. Every step's rate stays positive.
     */
    static LearningRateSchedule cosine(double minimum) {
        if (!(minimum >= 0 && minimum <= 1)) {
            throw new IllegalArgumentException("minimum must be a fraction of the base rate in [0, 1], but is " + minimum);
        }
        return (base, step, perEpoch, total) -> {
            double progress = (double) step / total;
            double low = minimum * base;
            return low + (base - low) * (1 + Math.cos(Math.PI * progress)) / 2;
        };
    }

    /**
     * This schedule after a linear warm-up: step s &lt; {@code steps} runs at (s + 1)/steps of the
     * rate this schedule gives it; later steps at exactly this schedule's rate.
     */
    default LearningRateSchedule withWarmUp(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("warm-up steps must be at least 1, but is " + steps);
        }
        LearningRateSchedule after = this;
        return (base, step, perEpoch, total) -> {
            double rate = after.rate(base, step, perEpoch, total);
            return step < steps ? rate * (step + 1) / steps : rate;
        };
    }

    private static void requireFactor(double factor) {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1], but is " + factor);
        }
    }
}
