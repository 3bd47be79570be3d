package dev.straightline.examples;

import dev.straightline.runtime.EpochResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws training against validation loss per epoch (seed 002, Figure 2) as a PNG with XChart: the gap
 * between the curves is the overfitting, and a marker shows the epoch whose weights were kept.
 */
final class LearningCurve {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private LearningCurve() {}

    /** Writes the curve of {@code history} to {@code file}, which gets the extension .png. */
    static void write(List<EpochResult> history, int keptEpoch, String title, Path file) throws IOException {
        List<Integer> epochs = new ArrayList<>();
        List<Double> train = new ArrayList<>();
        List<Double> validation = new ArrayList<>();
        for (EpochResult epoch : history) {
            epochs.add(epoch.epoch());
            train.add(epoch.trainLoss());
            validation.add(epoch.validationLoss());
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle("loss (cross-entropy)").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.addSeries("training loss (with dropout)", epochs, train).setMarker(SeriesMarkers.NONE);
        chart.addSeries("validation loss", epochs, validation).setMarker(SeriesMarkers.NONE);
        chart.addSeries("kept: epoch " + keptEpoch, List.of(keptEpoch),
                List.of(history.get(keptEpoch - history.get(0).epoch()).validationLoss())).setMarker(SeriesMarkers.CIRCLE);
        String name = file.toString();
        BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
                BitmapEncoder.BitmapFormat.PNG);
    }
}
