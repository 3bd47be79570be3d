package dev.straightline.runtime;

/**
 * A per-feature affine map {@code x' = (x − offset) · scale}, fitted on a training set and applied
 * unchanged to validation, test and live inputs, so that no statistic of those leaks into training.
 * A feature that is constant in the training set is only shifted.
 */
public final class FeatureScaling {
    private final float[] offset;
    private final float[] scale;

    private FeatureScaling(float[] offset, float[] scale) {
        this.offset = offset;
        this.scale = scale;
    }

    /** Mean 0 and variance 1 per feature over {@code train}. */
    public static FeatureScaling standardize(DataSet train) {
        int width = train.inputs();
        double[] mean = new double[width];
        double[] square = new double[width];
        for (int s = 0; s < train.size(); s++) {
            for (int k = 0; k < width; k++) {
                double v = train.feature(s, k);
                mean[k] += v;
                square[k] += v * v;
            }
        }
        float[] offset = new float[width];
        float[] scale = new float[width];
        for (int k = 0; k < width; k++) {
            double m = mean[k] / train.size();
            double variance = Math.max(0, square[k] / train.size() - m * m);
            offset[k] = (float) m;
            scale[k] = variance > 0 ? (float) (1 / Math.sqrt(variance)) : 1f;
        }
        return new FeatureScaling(offset, scale);
    }

    /** Each feature's training range onto [0, 1]. */
    public static FeatureScaling minMax(DataSet train) {
        int width = train.inputs();
        float[] low = new float[width];
        float[] high = new float[width];
        java.util.Arrays.fill(low, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(high, Float.NEGATIVE_INFINITY);
        for (int s = 0; s < train.size(); s++) {
            for (int k = 0; k < width; k++) {
                float v = train.feature(s, k);
                low[k] = Math.min(low[k], v);
                high[k] = Math.max(high[k], v);
            }
        }
        float[] scale = new float[width];
        for (int k = 0; k < width; k++) {
            scale[k] = high[k] > low[k] ? 1 / (high[k] - low[k]) : 1f;
        }
        return new FeatureScaling(low, scale);
    }

    public int inputs() {
        return offset.length;
    }

    /** A copy of {@code data} with every sample mapped; labels and targets are shared. */
    public DataSet apply(DataSet data) {
        if (data.inputs() != inputs()) {
            throw new IllegalArgumentException("the scaling was fitted on " + inputs() + " features, but the data set has "
                    + data.inputs());
        }
        float[] x = data.features();
        for (int i = 0; i < x.length; i++) {
            int k = i % inputs();
            x[i] = (x[i] - offset[k]) * scale[k];
        }
        return data.withFeatures(x);
    }

    /** Maps one sample in place, for live inputs; allocates nothing. */
    public void applyInPlace(float[] sample) {
        if (sample.length != inputs()) {
            throw new IllegalArgumentException("the scaling was fitted on " + inputs() + " features, but the sample has "
                    + sample.length);
        }
        for (int k = 0; k < sample.length; k++) {
            sample[k] = (sample[k] - offset[k]) * scale[k];
        }
    }
}
