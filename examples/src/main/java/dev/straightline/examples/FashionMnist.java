package dev.straightline.examples;

import dev.straightline.runtime.EpochResult;
import dev.straightline.runtime.Evaluation;
import dev.straightline.runtime.FitOptions;
import dev.straightline.runtime.Training;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains the 784-256-128-10 {@link FashionMlp} with SGD for five epochs, prints one line per
 * epoch, then saves the weights, loads them into a fresh network and classifies a test image.
 *
 * <p>Usage: {@code java -jar examples/target/fashion-mnist.jar [epochs] [weights-file]}
 */
public final class FashionMnist {
    private FashionMnist() {}

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path weights = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("fashion-mlp", ".slw");
        FashionData data = FashionData.load();
        System.out.printf("Data: %s%n", data.description());
        System.out.printf("      %,d training and %,d test images of %d pixels%n",
                data.train().size(), data.test().size(), data.train().inputs());
        FashionMlpNet net = new FashionMlpNet();
        System.out.printf("Network: %s, SGD learning rate %.2f%n", net.architecture(), net.learningRate());

        Training.fit(net, data.train(), FitOptions.builder()
                .epochs(epochs)
                .batchSize(32)
                .validation(data.test())
                .listener(FashionMnist::report)
                .build());

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

    private static void report(EpochResult epoch) {
        System.out.printf("epoch %d  loss %.4f  train acc %.2f%%  test acc %.2f%%  %,.0f samples/s%n",
                epoch.epoch(), epoch.trainLoss(), 100 * epoch.trainAccuracy(), 100 * epoch.validationAccuracy(),
                epoch.samplesPerSecond());
    }
}
