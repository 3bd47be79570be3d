package dev.straightline.runtime;

/**
 * How often each class was predicted as each class: {@code count(actual, predicted)}. Precision of
 * a class is the fraction of its predictions that were right, recall the fraction of its samples
 * found; both are NaN when they divide by zero (a class never predicted, or absent).
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    ConfusionMatrix(int classes) {
        this.counts = new long[classes][classes];
    }

    /** A matrix from counts, {@code counts[actual][predicted]}. */
    public static ConfusionMatrix of(long[][] counts) {
        ConfusionMatrix matrix = new ConfusionMatrix(counts.length);
        for (int a = 0; a < counts.length; a++) {
            if (counts[a].length != counts.length) {
                throw new IllegalArgumentException("a confusion matrix is square: row " + a + " has " + counts[a].length
                        + " counts for " + counts.length + " classes");
            }
            System.arraycopy(counts[a], 0, matrix.counts[a], 0, counts.length);
        }
        return matrix;
    }

    void add(int actual, int predicted) {
        counts[actual][predicted]++;
    }

    public int classes() {
        return counts.length;
    }

    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long c : row) {
                total += c;
            }
        }
        return total;
    }

    public double accuracy() {
        long right = 0;
        for (int c = 0; c < counts.length; c++) {
            right += counts[c][c];
        }
        return (double) right / total();
    }

    /** Of the samples predicted as {@code c}, the fraction that are {@code c}. */
    public double precision(int c) {
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[c];
        }
        return (double) counts[c][c] / predicted;
    }

    /** Of the samples of class {@code c}, the fraction predicted as {@code c}. */
    public double recall(int c) {
        long actual = 0;
        for (long n : counts[c]) {
            actual += n;
        }
        return (double) counts[c][c] / actual;
    }

    /** The harmonic mean of precision and recall. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return 2 * p * r / (p + r);
    }

    /** The matrix as a table, rows the actual classes, with each class's precision and recall. */
    public String table(String... names) {
        StringBuilder text = new StringBuilder(String.format("%12s", "actual\\pred"));
        for (int p = 0; p < counts.length; p++) {
            text.append(String.format("%8s", shortName(names, p)));
        }
        text.append(String.format("%10s%8s%n", "recall", "prec."));
        for (int a = 0; a < counts.length; a++) {
            text.append(String.format("%12s", shortName(names, a)));
            for (int p = 0; p < counts.length; p++) {
                text.append(String.format("%8d", counts[a][p]));
            }
            text.append(String.format("%9.1f%%%7.1f%%%n", 100 * recall(a), 100 * precision(a)));
        }
        return text.toString();
    }

    private static String shortName(String[] names, int c) {
        String name = c < names.length ? names[c] : String.valueOf(c);
        return name.length() > 7 ? name.substring(0, 7) : name;
    }
}
