package dev.straightline.runtime;

import dev.straightline.Loss;
import dev.straightline.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What every generated network offers the runtime, so that {@link Training#fit} and
 * {@link Evaluation#of} work on any of them without reflection. Generated classes also have typed
 * methods ({@code predict}, {@code trainBatch(x, y, n)}) that take the user's arrays directly.
 *
 * <p>A network object is not thread-safe: it owns the buffers its steps write. Use one object
 * per thread.
 */
public interface TrainableNetwork {
    /** Width of one input sample. */
    int inputs();

    /** Width of the output layer. */
    int outputs();

    /** The largest batch one training step takes. */
    int maxBatch();

    /** The loss the network is trained with. */
    Loss loss();

    /** A canonical one-line description of the layers, stored in weight files. */
    String architecture();

    /**
     * One optimizer step on the batch: forward, loss, backward, update. Writes the predictions of
     * the forward pass (before the update) to {@link Batch#predictions()}.
     *
     * @return the batch's mean loss
     * @throws NonFiniteException if the loss or a gradient is not finite; nothing is updated then
     */
    double trainBatch(Batch batch);

    /**
     * Forward, loss and backward without an update: afterwards {@link #gradients()} hold the
     * gradient of the batch's mean loss. Writes predictions to {@link Batch#predictions()}.
     *
     * @return the batch's mean loss
     */
    double computeGradients(Batch batch);

    /** The batch's mean loss with no gradient and no update; writes predictions to {@link Batch#predictions()}. */
    double evaluateBatch(Batch batch);

    /** Predictions for {@code n} samples (row-major in {@code x}) into {@code out}, {@code n·outputs()} values. */
    void predictBatch(float[] x, int n, float[] out);

    /** Every parameter tensor, in layer order: for each layer its weights, then its bias. */
    List<Tensor> parameters();

    /** The gradient tensors, in the same order and with the same shapes as {@link #parameters()}. */
    List<Tensor> gradients();

    /** The current learning rate. */
    double learningRate();

    /**
     * The regularisation term of the objective now, λ·‖W‖² with {@code @Network(l2 = λ)}, else 0. It
     * is not part of the losses the network returns; its gradient is part of every step's gradient.
     */
    double penalty();

    /**
     * Weights each sample's loss, and so its gradient, by the weight of its class: for importance
     * weights such as 1/f for negatives kept at rate f (seed 000 tutorial, question 1). One positive
     * weight per class (class 0 and 1 for binary cross-entropy with one output); no argument clears
     * them. Per-sample weights come with the data set ({@link DataSet#withSampleWeights}); both multiply.
     *
     * @throws UnsupportedOperationException for a loss without classes (mean squared error, multi-label)
     */
    void setClassWeights(double... weights);

    /**
     * This network's learning-rate schedule, used by every {@link Training#fit} run whose options name
     * none; {@code null} (the default) leaves the rate alone.
     */
    void setSchedule(LearningRateSchedule schedule);

    /** The schedule set with {@link #setSchedule}, or {@code null}. */
    LearningRateSchedule schedule();

    /** Changes the learning rate used by the following steps. */
    void setLearningRate(double learningRate);

    /**
     * Runs the following training steps and loss evaluations on {@code threads} threads: 1 (the
     * default) or 2. With 2, one helper thread is started now and shared by every later step of
     * eight or more samples; steps create no thread, take no lock and allocate nothing, and compute
     * bitwise the same parameters as one thread. {@code setThreads(1)} ends the helper (so does
     * collecting the network). The network itself stays single-caller: one thread calls it at a time.
     *
     * @throws IllegalArgumentException if {@code threads} is not 1 or 2
     */
    void setThreads(int threads);

    /** The threads steps run on: 1, or 2 after {@code setThreads(2)}. */
    int threads();

    /**
     * Writes the parameters to {@code file} (see {@link WeightFile}). The file is replaced
     * atomically: a failed save leaves the previous file as it was.
     */
    void save(Path file) throws IOException;

    /**
     * Reads parameters saved by a network of the same architecture. Everything is validated before
     * the first parameter changes: on any error the network is left as it was.
     */
    void load(Path file) throws IOException;
}
