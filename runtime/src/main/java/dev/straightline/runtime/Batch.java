package dev.straightline.runtime;

import dev.straightline.Loss;

/**
 * A reusable buffer of up to {@link #capacity()} samples for one network: inputs, targets (class
 * labels for softmax cross-entropy, real vectors otherwise) and the predictions a step writes
 * back ({@link #predictions()}). Allocated once per training run, so steps allocate nothing.
 */
public final class Batch {
    private final int capacity;
    private final int inputs;
    private final int outputs;
    private final Loss loss;
    private final float[] features;
    private final int[] labels;
    private final float[] targets;
    private final float[] predictions;
    private final float[] weights;
    private boolean weighted;
    private int size;

    /** A batch shaped for {@code network}, holding at most {@code capacity} samples. */
    public Batch(TrainableNetwork network, int capacity) {
        if (capacity < 1 || capacity > network.maxBatch()) {
            throw new IllegalArgumentException("batch capacity must be in [1, " + network.maxBatch()
                    + "] (maxBatch of the network), but is " + capacity);
        }
        this.capacity = capacity;
        this.inputs = network.inputs();
        this.outputs = network.outputs();
        this.loss = network.loss();
        this.features = new float[capacity * inputs];
        this.labels = loss == Loss.SOFTMAX_CROSS_ENTROPY ? new int[capacity] : new int[0];
        this.targets = loss == Loss.SOFTMAX_CROSS_ENTROPY ? new float[0] : new float[capacity * outputs];
        this.predictions = new float[capacity * outputs];
        this.weights = new float[capacity];
    }

    /** Most samples the batch holds. */
    public int capacity() {
        return capacity;
    }

    /** Samples it holds now. */
    public int size() {
        return size;
    }

    /** Width of one sample. */
    public int inputs() {
        return inputs;
    }

    /** Width of one prediction. */
    public int outputs() {
        return outputs;
    }

    /** Inputs, row-major, {@link #size()} rows of {@link #inputs()}. The array is the batch's own. */
    public float[] features() {
        return features;
    }

    /** Class labels (softmax cross-entropy networks only); the array is the batch's own. */
    public int[] labels() {
        if (loss != Loss.SOFTMAX_CROSS_ENTROPY) {
            throw new IllegalStateException("a " + loss + " network takes real targets, not labels");
        }
        return labels;
    }

    /** Real targets, row-major, {@link #size()} rows of {@link #outputs()}; the array is the batch's own. */
    public float[] targets() {
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
            throw new IllegalStateException("a " + loss + " network takes class labels, not targets");
        }
        return targets;
    }

    /** Predictions written by the last step on this batch, {@link #size()} rows of {@link #outputs()}. */
    public float[] predictions() {
        return predictions;
    }

    /** Sets how many samples the arrays hold now. */
    public void setSize(int size) {
        if (size < 1 || size > capacity) {
            throw new IllegalArgumentException("batch size must be in [1, " + capacity + "], but is " + size);
        }
        this.size = size;
    }

    /** Fills the batch with the samples {@code order[from] .. order[from + count - 1]} of {@code data}. */
    public void fill(DataSet data, int[] order, int from, int count) {
        setSize(count);
        data.copyInto(this, order, from, count);
    }

    /** Fills the batch with {@code count} consecutive samples of {@code data} starting at {@code from}. */
    public void fill(DataSet data, int from, int count) {
        setSize(count);
        data.copyInto(this, null, from, count);
    }

    /** The samples' weights in the loss, or {@code null} when the data set has none (all 1). */
    public float[] weights() {
        return weighted ? weights : null;
    }

    float[] weightRows() {
        return weights;
    }

    void setWeighted(boolean weighted) {
        this.weighted = weighted;
    }

    Loss loss() {
        return loss;
    }
}
