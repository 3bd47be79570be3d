package dev.straightline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {
    private static final EpochResult FIRST = new EpochResult(1, 0.5, 0.8, 0.4, 0.85, 0.001, 40_000, 1.5);
    private static final EpochResult SECOND = new EpochResult(2, 0.3, Double.NaN, Double.NaN, Double.NaN, 0.0005, 42_000, 1.4);

    @Test
    void withoutATerminalEachEpochIsOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = Progress.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.begin(2, 10);
        for (int b = 1; b <= 10; b++) {
            progress.batch(1, b, 0.5, b * 32L, b * 1_000_000L);
        }
        progress.epoch(FIRST);
        progress.epoch(SECOND);
        assertEquals("epoch 1/2  loss 0.5000  acc 80.00%  val_loss 0.4000  val_acc 85.00%  40,000 samples/s\n"
                + "epoch 2/2  loss 0.3000  42,000 samples/s\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onATerminalABarIsRedrawnInPlaceAndTheSummaryReplacesIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = Progress.bar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.begin(3, 4);
        progress.batch(1, 1, 0.9, 32, 1_000_000_000L);
        progress.batch(1, 4, 0.7, 128, 4_000_000_000L);
        progress.epoch(FIRST);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\repoch 1/3 [######..................]  25%  loss 0.9000  32 samples/s  ETA 0:03"), text);
        assertTrue(text.contains("\repoch 1/3 [########################] 100%  loss 0.7000  32 samples/s  ETA 0:00"), text);
        assertTrue(text.endsWith("\repoch 1/3  loss 0.5000  acc 80.00%  val_loss 0.4000  val_acc 85.00%  40,000 samples/s"
                + System.lineSeparator()), text);
        bytes.reset();
        progress.batch(2, 4, 0.3, 128, 4_000_000_000L);
        progress.epoch(SECOND);
        String second = bytes.toString(StandardCharsets.UTF_8);
        String summary = "\repoch 2/3  loss 0.3000  42,000 samples/s";
        int bar = second.indexOf('\r', 1);
        assertTrue(second.startsWith(summary, bar), second);
        assertEquals(bar, second.length() - bar - System.lineSeparator().length(),
                "the shorter summary is padded with spaces over the whole bar: " + second);
    }

    @Test
    void durationsReadAsMinutesAndHours() {
        assertEquals("0:07", Progress.duration(7.4));
        assertEquals("2:05", Progress.duration(125));
        assertEquals("1:01:01", Progress.duration(3661));
    }

    @Test
    void historyIsCsvWithEmptyCellsForWhatWasNotMeasured(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("history.csv");
        History.writeCsv(List.of(FIRST, SECOND), file);
        assertEquals(History.HEADER + "\n"
                + "1,0.500000,0.800000,0.400000,0.850000,0.00100000,40000.0,1.50000,0.00000\n"
                + "2,0.300000,,,,0.000500000,42000.0,1.40000,0.00000\n", Files.readString(file));
    }
}
