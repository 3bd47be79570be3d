package dev.straightline.runtime;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Reports a {@link Training#fit} run as it goes. On a terminal, a bar redrawn in place at most five
 * times a second, with the epoch's running loss, samples per second and time left, replaced by the
 * epoch's summary when it ends; elsewhere (a log, a pipe, CI), only the summary line of each epoch.
 */
public final class Progress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean live;
    private int epochs;
    private long batches;
    private long lastDraw;
    private int drawnLength;

    private Progress(PrintStream out, boolean live) {
        this.out = Objects.requireNonNull(out, "out");
        this.live = live;
    }

    /** A live bar on standard output when it is a terminal, summary lines otherwise. */
    public static Progress toConsole() {
        return new Progress(System.out, System.console() != null);
    }

    /** A live bar on {@code out}, whatever it is connected to. */
    public static Progress bar(PrintStream out) {
        return new Progress(out, true);
    }

    /** One summary line per epoch on {@code out}. */
    public static Progress lines(PrintStream out) {
        return new Progress(out, false);
    }

    void begin(int epochs, long batchesPerEpoch) {
        this.epochs = epochs;
        this.batches = batchesPerEpoch;
        this.lastDraw = 0;
    }

    /** After batch {@code batch} (1-based) of {@code epoch}: the epoch's running mean loss and samples so far. */
    void batch(int epoch, long batch, double meanLoss, long samples, long elapsedNanos) {
        if (!live) {
            return;
        }
        long now = System.nanoTime();
        if (batch < batches && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double fraction = (double) batch / batches;
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = elapsedNanos / 1e9;
        double left = fraction > 0 ? seconds / fraction - seconds : 0;
        String line = String.format("epoch %d/%d [%s%s] %3.0f%%  loss %.4f  %,.0f samples/s  ETA %s", epoch, epochs,
                "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * fraction, meanLoss,
                seconds > 0 ? samples / seconds : 0, duration(left));
        draw(line);
    }

    void epoch(EpochResult result) {
        String line = "epoch " + result.epoch() + "/" + epochs + result.toString().substring(("epoch " + result.epoch()).length());
        if (live) {
            draw(line);
            out.println();
            drawnLength = 0;
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void draw(String line) {
        StringBuilder text = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < drawnLength; i++) {
            text.append(' ');
        }
        drawnLength = line.length();
        out.print(text);
        out.flush();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
