package dev.straightline.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A training run's per-epoch results as CSV, one row per epoch; a metric that was not measured is an empty cell. */
public final class History {
    static final String HEADER =
            "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate,samples_per_second,seconds,penalty";

    private History() {}

    public static String csv(List<EpochResult> epochs) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (EpochResult e : epochs) {
            text.append(e.epoch()).append(',')
                    .append(cell(e.trainLoss())).append(',')
                    .append(cell(e.trainAccuracy())).append(',')
                    .append(cell(e.validationLoss())).append(',')
                    .append(cell(e.validationAccuracy())).append(',')
                    .append(cell(e.learningRate())).append(',')
                    .append(cell(e.samplesPerSecond())).append(',')
                    .append(cell(e.seconds())).append(',')
                    .append(cell(e.penalty())).append('\n');
        }
        return text.toString();
    }

    /** Writes {@link #csv} to {@code file}, replacing it. */
    public static void writeCsv(List<EpochResult> epochs, Path file) throws IOException {
        Files.writeString(file, csv(epochs), StandardCharsets.UTF_8);
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
    }
}
