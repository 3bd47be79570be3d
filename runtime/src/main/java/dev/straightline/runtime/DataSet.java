package dev.straightline.runtime;

import dev.straightline.Loss;
import java.util.Arrays;

/**
 * Samples as one flat row-major float array, with either integer class labels or real target
 * vectors. Immutable: factories and slices copy their arrays.
 */
public final class DataSet {
    private final float[] features;
    private final int inputs;
    private final int size;
    private final int[] labels;
    private final int classes;
    private final float[] targets;
    private final int targetWidth;
    /** Each sample's weight in the loss, or {@code null} for all 1. */
    private final float[] weights;

    private DataSet(float[] features, int inputs, int[] labels, int classes, float[] targets, int targetWidth) {
        this(features, inputs, labels, classes, targets, targetWidth, null);
    }

    private DataSet(float[] features, int inputs, int[] labels, int classes, float[] targets, int targetWidth,
            float[] weights) {
        this.features = features;
        this.inputs = inputs;
        this.size = features.length / inputs;
        this.labels = labels;
        this.classes = classes;
        this.targets = targets;
        this.targetWidth = targetWidth;
        this.weights = weights;
    }

    /** Samples with class labels in {@code [0, classes)}; {@code features} holds {@code labels.length} rows of {@code inputs}. */
    public static DataSet labeled(float[] features, int inputs, int[] labels, int classes) {
        requirePositive("inputs", inputs);
        requirePositive("classes", classes);
        requireRows(features, inputs, labels.length);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label of sample " + i + " is " + labels[i]
                        + ", outside [0, " + classes + ")");
            }
        }
        return new DataSet(features.clone(), inputs, labels.clone(), classes, null, 0);
    }

    /** Samples with real targets; {@code targets} holds one row of {@code targetWidth} per sample. */
    public static DataSet withTargets(float[] features, int inputs, float[] targets, int targetWidth) {
        requirePositive("inputs", inputs);
        requirePositive("targetWidth", targetWidth);
        if (targets.length % targetWidth != 0) {
            throw new IllegalArgumentException("targets length " + targets.length
                    + " is not a multiple of targetWidth " + targetWidth);
        }
        requireRows(features, inputs, targets.length / targetWidth);
        return new DataSet(features.clone(), inputs, null, 0, targets.clone(), targetWidth);
    }

    /** Number of samples. */
    public int size() {
        return size;
    }

    /** Width of one sample. */
    public int inputs() {
        return inputs;
    }

    /** Whether the samples carry class labels (otherwise real targets). */
    public boolean hasLabels() {
        return labels != null;
    }

    /** Number of classes of a labeled data set. */
    public int classes() {
        requireLabels();
        return classes;
    }

    /** Width of one target row of a data set with real targets. */
    public int targetWidth() {
        if (labels != null) {
            throw new IllegalStateException("this data set has class labels, not real targets");
        }
        return targetWidth;
    }

    /** Feature {@code column} of sample {@code sample}. */
    public float feature(int sample, int column) {
        return features[sample * inputs + column];
    }

    /** Class label of sample {@code sample}. */
    public int label(int sample) {
        requireLabels();
        return labels[sample];
    }

    /** A copy of the features, row-major. */
    public float[] features() {
        return features.clone();
    }

    /** A copy of the labels. */
    public int[] labels() {
        requireLabels();
        return labels.clone();
    }

    /** A copy of the targets, row-major. */
    public float[] targets() {
        targetWidth();
        return targets.clone();
    }

    /** The samples {@code [from, to)} as a new data set. */
    public DataSet slice(int from, int to) {
        if (from < 0 || to > size || from >= to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") is not a non-empty range of [0, " + size + ")");
        }
        float[] x = Arrays.copyOfRange(features, from * inputs, to * inputs);
        if (labels != null) {
            return new DataSet(x, inputs, Arrays.copyOfRange(labels, from, to), classes, null, 0, weightsOf(from, to));
        }
        return new DataSet(x, inputs, null, 0, Arrays.copyOfRange(targets, from * targetWidth, to * targetWidth), targetWidth,
                weightsOf(from, to));
    }

    /** The samples at {@code indices}, in that order, as a new data set. */
    public DataSet select(int[] indices) {
        float[] x = new float[indices.length * inputs];
        int[] y = labels == null ? null : new int[indices.length];
        float[] t = targets == null ? null : new float[indices.length * targetWidth];
        for (int i = 0; i < indices.length; i++) {
            int s = indices[i];
            if (s < 0 || s >= size) {
                throw new IllegalArgumentException("index " + s + " is not a sample of [0, " + size + ")");
            }
            System.arraycopy(features, s * inputs, x, i * inputs, inputs);
            if (y != null) {
                y[i] = labels[s];
            } else {
                System.arraycopy(targets, s * targetWidth, t, i * targetWidth, targetWidth);
            }
        }
        float[] w = null;
        if (weights != null) {
            w = new float[indices.length];
            for (int i = 0; i < indices.length; i++) {
                w[i] = weights[indices[i]];
            }
        }
        return new DataSet(x, inputs, y, classes, t, targetWidth, w);
    }

    /** The same samples with other features of the same width. */
    DataSet withFeatures(float[] newFeatures) {
        return new DataSet(newFeatures, inputs, labels, classes, targets, targetWidth, weights);
    }

    private float[] weightsOf(int from, int to) {
        return weights == null ? null : Arrays.copyOfRange(weights, from, to);
    }

    /**
     * The same samples, each weighted in the loss by {@code weights[s]} (at least 0, finite): for
     * importance weights, or to count some samples more than others. Both training and evaluation
     * use them; the network's class weights multiply them.
     */
    public DataSet withSampleWeights(float[] sampleWeights) {
        if (sampleWeights.length != size) {
            throw new IllegalArgumentException("one weight per sample: the data set has " + size + " samples but "
                    + sampleWeights.length + " weights");
        }
        for (int s = 0; s < size; s++) {
            if (!(sampleWeights[s] >= 0 && Float.isFinite(sampleWeights[s]))) {
                throw new IllegalArgumentException("the weight of sample " + s + " must be at least 0 and finite, but is "
                        + sampleWeights[s]);
            }
        }
        return new DataSet(features, inputs, labels, classes, targets, targetWidth, sampleWeights.clone());
    }

    /** Whether the samples carry weights. */
    public boolean hasSampleWeights() {
        return weights != null;
    }

    /** A training set and a validation set drawn from one data set. */
    public record Split(DataSet train, DataSet validation) {}

    /**
     * Splits the samples at random (seeded) into a training set and a validation set holding
     * {@code validationFraction} of them, for model selection that never looks at the test set.
     */
    public Split split(double validationFraction, long seed) {
        int held = (int) Math.round(validationFraction * size);
        if (!(validationFraction > 0 && validationFraction < 1) || held < 1 || held >= size) {
            throw new IllegalArgumentException("validationFraction must leave at least one sample on each side of "
                    + size + ", but is " + validationFraction);
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return new Split(select(Arrays.copyOfRange(order, held, size)), select(Arrays.copyOfRange(order, 0, held)));
    }

    /** Throws unless this data set can train or evaluate {@code network}, saying what does not fit. */
    public void requireCompatible(TrainableNetwork network) {
        if (inputs != network.inputs()) {
            throw new IllegalArgumentException("the network takes " + network.inputs()
                    + " inputs per sample but the data set has " + inputs);
        }
        Loss loss = network.loss();
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
            if (labels == null) {
                throw new IllegalArgumentException("a SOFTMAX_CROSS_ENTROPY network needs class labels, but the data set has real targets");
            }
            if (classes != network.outputs()) {
                throw new IllegalArgumentException("the network has " + network.outputs()
                        + " output classes but the data set has " + classes);
            }
        } else if (labels != null) {
            if (!(loss == Loss.BINARY_CROSS_ENTROPY && network.outputs() == 1 && classes == 2)) {
                throw new IllegalArgumentException("a " + loss + " network with " + network.outputs()
                        + " outputs needs real targets of width " + network.outputs()
                        + "; class labels fit only a BINARY_CROSS_ENTROPY network with one output and two classes");
            }
        } else if (targetWidth != network.outputs()) {
            throw new IllegalArgumentException("the network has " + network.outputs()
                    + " outputs but the data set's targets have width " + targetWidth);
        }
    }

    void copyInto(Batch batch, int[] order, int from, int count) {
        if (batch.inputs() != inputs) {
            throw new IllegalArgumentException("the batch takes " + batch.inputs() + " inputs per sample but the data set has " + inputs);
        }
        float[] x = batch.features();
        boolean classLabels = batch.loss() == Loss.SOFTMAX_CROSS_ENTROPY;
        int width = batch.outputs();
        batch.setWeighted(weights != null);
        for (int i = 0; i < count; i++) {
            int sample = order == null ? from + i : order[from + i];
            System.arraycopy(features, sample * inputs, x, i * inputs, inputs);
            if (weights != null) {
                batch.weightRows()[i] = weights[sample];
            }
            if (classLabels) {
                batch.labels()[i] = labels[sample];
            } else if (labels != null) {
                batch.targets()[i] = labels[sample]; // 0/1 label of a one-output binary classifier
            } else {
                System.arraycopy(targets, sample * width, batch.targets(), i * width, width);
            }
        }
    }

    private void requireLabels() {
        if (labels == null) {
            throw new IllegalStateException("this data set has real targets, not class labels");
        }
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, but is " + value);
        }
    }

    private static void requireRows(float[] features, int inputs, int rows) {
        if (features.length != rows * inputs) {
            throw new IllegalArgumentException("features must hold " + rows + " rows of " + inputs
                    + " values (" + rows * inputs + ") but holds " + features.length);
        }
    }
}
