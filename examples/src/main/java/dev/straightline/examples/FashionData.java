package dev.straightline.examples;

import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.Idx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST from the Debian package {@code dataset-fashion-mnist} when it is installed,
 * otherwise the real sample shipped with the examples (2,000 training and 500 test images).
 */
public record FashionData(DataSet train, DataSet test, String description) {
    public static final Path INSTALLED = Path.of("/usr/share/datasets/fashion-mnist");
    public static final String[] CLASSES = {
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"
    };

    /** Whether the full data set is installed. */
    public static boolean installed() {
        return Files.isReadable(INSTALLED.resolve("train-images-idx3-ubyte.gz"));
    }

    /** The full data set: 60,000 training and 10,000 test images. */
    public static FashionData full() throws IOException {
        return new FashionData(
                Idx.readLabeled(INSTALLED.resolve("train-images-idx3-ubyte.gz"), INSTALLED.resolve("train-labels-idx1-ubyte.gz"), 10),
                Idx.readLabeled(INSTALLED.resolve("t10k-images-idx3-ubyte.gz"), INSTALLED.resolve("t10k-labels-idx1-ubyte.gz"), 10),
                "Fashion-MNIST from " + INSTALLED);
    }

    /** The sample shipped in this jar. */
    public static FashionData sample() throws IOException {
        return new FashionData(resource("train"), resource("t10k"),
                "the Fashion-MNIST sample shipped with the examples (install the Debian package dataset-fashion-mnist for all 70,000 images)");
    }

    /** The full data set when installed, otherwise the sample. */
    public static FashionData load() throws IOException {
        return installed() ? full() : sample();
    }

    private static DataSet resource(String split) throws IOException {
        String folder = "/fashion-mnist-sample/";
        try (InputStream images = FashionData.class.getResourceAsStream(folder + split + "-images-idx3-ubyte.gz");
                InputStream labels = FashionData.class.getResourceAsStream(folder + split + "-labels-idx1-ubyte.gz")) {
            if (images == null || labels == null) {
                throw new IOException("the Fashion-MNIST sample is missing from the class path (" + folder + ")");
            }
            return Idx.readLabeled(images, labels, "sample " + split, 10);
        }
    }
}
