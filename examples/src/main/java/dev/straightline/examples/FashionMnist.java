package dev.straightline.examples;

import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.EarlyStopping;
import dev.straightline.runtime.EpochResult;
import dev.straightline.runtime.Evaluation;
import dev.straightline.runtime.FitOptions;
import dev.straightline.runtime.History;
import dev.straightline.runtime.LearningRateSchedule;
import dev.straightline.runtime.Progress;
import dev.straightline.runtime.Training;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains the 784-256-128-10 {@link FashionMlp} with Adam and dropout on two threads, for up to 30
 * epochs on a cosine learning-rate schedule, holding out 10 % of the training images to stop early
 * when their loss stops falling (and to keep the best epoch); prints one line per epoch, the test
 * accuracy, then saves the weights, loads them into a fresh network and classifies a test image.
 *
 * The training history (CSV) and its learning curve (PNG) are written beside the weights.
 *
 * <p>Usage: {@code java -jar examples/target/fashion-mnist.jar [epochs] [weights-file]}
 */
public final class FashionMnist {
    private FashionMnist() {}

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        // Beside the jar when run from the project (examples/target), else in the temporary folder.
        Path folder = Files.isDirectory(Path.of("examples", "target")) ? Path.of("examples", "target")
                : Path.of(System.getProperty("java.io.tmpdir"));
        Path weights = args.length > 1 ? Path.of(args[1]) : folder.resolve("fashion-mlp.slw");
        FashionData data = FashionData.load();
        System.out.printf("Data: %s%n", data.description());
        System.out.printf("      %,d training and %,d test images of %d pixels%n",
                data.train().size(), data.test().size(), data.train().inputs());
        FashionMlpNet net = new FashionMlpNet();
        net.setThreads(2);
        System.out.printf("Network: %s, Adam learning rate %.3f, dropout 0.2, 2 threads%n", net.architecture(), net.learningRate());
        DataSet.Split split = data.train().split(0.1, 1);
        System.out.printf("Training on %,d images, validating on %,d held-out training images%n",
                split.train().size(), split.validation().size());

        List<EpochResult> history = Training.fit(net, split.train(), FitOptions.builder()
                .epochs(epochs)
                .batchSize(64)
                .validation(split.validation())
                .schedule(LearningRateSchedule.cosine(0.05))
                .earlyStopping(EarlyStopping.onValidationLoss(8))
                .progress(Progress.toConsole())
                .build());
        net.setThreads(1);
        int best = 0;
        for (int e = 1; e < history.size(); e++) {
            best = history.get(e).validationLoss() < history.get(best).validationLoss() ? e : best;
        }
        System.out.printf("Kept the weights of epoch %d (lowest validation loss) after %d epochs%n",
                history.get(best).epoch(), history.size());
        Path csv = weights.toAbsolutePath().resolveSibling("fashion-history.csv");
        History.writeCsv(history, csv);
        Path curve = weights.toAbsolutePath().resolveSibling("fashion-learning-curve.png");
        try {
            LearningCurve.write(history, history.get(best).epoch(), "Fashion-MNIST 784-256-128-10, Adam, dropout 0.2", curve);
            System.out.printf("History: %s; learning curve: %s%n", csv, curve);
        } catch (IOException | RuntimeException | Error e) {
            // Drawing needs fonts; a server without them still trains and saves.
            System.out.printf("History: %s; the learning curve could not be drawn (%s)%n", csv, e);
        }

        Evaluation test = Evaluation.of(net, data.test());
        System.out.printf("Test accuracy: %.2f%% (loss %.4f) on %,d images%n", 100 * test.accuracy(), test.loss(), test.samples());

        net.save(weights);
        FashionMlpNet restored = new FashionMlpNet(0);
        restored.load(weights);
        float[] image = new float[FashionMlpNet.INPUTS];
        for (int k = 0; k < image.length; k++) {
            image[k] = data.test().feature(0, k);
        }
        float[] probabilities = restored.predict(image);
        int predicted = restored.classify(image);
        System.out.printf("Saved the weights to %s (%,d bytes); a network loaded from them classifies test image 0 as %s (%.1f%%), label %s%n",
                weights, Files.size(weights), FashionData.CLASSES[predicted], 100 * probabilities[predicted],
                FashionData.CLASSES[data.test().label(0)]);
    }

}
