package dev.straightline.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.Loss;
import dev.straightline.Tensor;
import dev.straightline.runtime.Batch;
import dev.straightline.runtime.GradientCheck;
import dev.straightline.runtime.TrainableNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every activation and every loss, in double precision, on random shapes and inputs: the
 * generated backward pass agrees with central finite differences of the generated forward pass.
 * Float networks of the same shapes agree with the double ones.
 */
class GradientCheckTest {
    static final List<String> ACTIVATIONS = List.of("IDENTITY", "SIGMOID", "TANH", "RELU", "LEAKY_RELU", "ELU",
            "SELU", "SOFTPLUS", "SOFTMAX", "HEAVISIDE");
    static final List<String> LOSSES = List.of("MEAN_SQUARED_ERROR", "BINARY_CROSS_ENTROPY", "SOFTMAX_CROSS_ENTROPY");
    static final int SHAPES = 3;
    static final double EPSILON = 1e-6;
    static final double TOLERANCE = 1e-5;

    /**
     * One generated network: hidden layers of the activation, then the output layer of the loss; or
     * (kind "output") the activation on the output layer.
     */
    record Case(String activation, String loss, int shape, String kind, NetworkSource doubleNet, NetworkSource floatNet) {
        @Override
        public String toString() {
            return activation + " " + kind + ", " + loss + ", shape " + shape;
        }
    }

    private static ClassLoader loader;

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String activation : ACTIVATIONS) {
            for (String loss : LOSSES) {
                for (int shape = 0; shape < SHAPES; shape++) {
                    cases.add(hiddenCase(activation, loss, shape));
                }
            }
            cases.add(outputCase(activation));
            cases.add(towerCase(activation, 0));
            cases.add(towerCase(activation, 2));
        }
        return cases;
    }

    private static Case hiddenCase(String activation, String loss, int shape) {
        SplittableRandom random = new SplittableRandom(31L * ACTIVATIONS.indexOf(activation) + 7L * shape + LOSSES.indexOf(loss));
        int inputs = 1 + random.nextInt(6);
        int first = 1 + random.nextInt(6);
        int second = 1 + random.nextInt(6);
        int outputs = loss.equals("SOFTMAX_CROSS_ENTROPY") ? 2 + random.nextInt(4) : 1 + random.nextInt(4);
        String name = "G" + activation + "_" + loss + "_" + shape;
        NetworkSource[] twins = new NetworkSource[2];
        for (int p = 0; p < 2; p++) {
            twins[p] = NetworkSource.network(name + (p == 0 ? "D" : "F"), inputs, loss)
                    .precision(p == 0 ? "DOUBLE" : "FLOAT")
                    .suppressHeavisideWarning()
                    .dense("first", first, activation)
                    .dense("second", second, activation)
                    .dense("output", outputs, "IDENTITY");
        }
        return new Case(activation, loss, shape, "hidden", twins[0], twins[1]);
    }

    /**
     * Three hidden layers of one shape, which share their kernels; with the identity, the output
     * layer has that shape too and shares them as well.
     */
    private static Case towerCase(String activation, int shape) {
        NetworkSource[] twins = new NetworkSource[2];
        for (int p = 0; p < 2; p++) {
            twins[p] = NetworkSource.network("T" + activation + "_" + shape + (p == 0 ? "D" : "F"), 3, "MEAN_SQUARED_ERROR")
                    .precision(p == 0 ? "DOUBLE" : "FLOAT")
                    .suppressHeavisideWarning()
                    .dense("first", 4, activation)
                    .dense("second", 4, activation)
                    .dense("third", 4, activation)
                    .dense("fourth", 4, activation)
                    .dense("output", 4, "IDENTITY");
        }
        return new Case(activation, "MEAN_SQUARED_ERROR", shape, "tower", twins[0], twins[1]);
    }

    /** Mean squared error through the activation of the output layer itself. */
    private static Case outputCase(String activation) {
        NetworkSource[] twins = new NetworkSource[2];
        for (int p = 0; p < 2; p++) {
            twins[p] = NetworkSource.network("O" + activation + (p == 0 ? "D" : "F"), 3, "MEAN_SQUARED_ERROR")
                    .precision(p == 0 ? "DOUBLE" : "FLOAT")
                    .suppressHeavisideWarning()
                    .dense("hidden", 4, "TANH")
                    .dense("output", 3, activation);
        }
        return new Case(activation, "MEAN_SQUARED_ERROR", 0, "output", twins[0], twins[1]);
    }

    @BeforeAll
    static void compileEveryNetworkOnce() {
        List<JavaFileObject> sources = new ArrayList<>();
        for (Case c : cases()) {
            sources.add(c.doubleNet().file());
            sources.add(c.floatNet().file());
        }
        loader = InMemoryCompiler.compileAndLoad(sources);
    }

    static Stream<Arguments> everyCase() {
        return cases().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCase")
    void analyticGradientsMatchFiniteDifferences(Case c) {
        TrainableNetwork network = InMemoryCompiler.instantiate(loader, c.doubleNet().generatedClassName(), 11);
        randomizeParameters(network, new SplittableRandom(c.shape() + 200));
        Batch batch = randomBatch(network, new SplittableRandom(c.shape() + 100), c.shape());
        GradientCheck.Result result = GradientCheck.check(network, batch, EPSILON);
        assertTrue(result.relativeError() < TOLERANCE, c + ": " + result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCase")
    void floatNetworksAgreeWithDoubleNetworks(Case c) {
        TrainableNetwork exact = InMemoryCompiler.instantiate(loader, c.doubleNet().generatedClassName(), 11);
        TrainableNetwork single = InMemoryCompiler.instantiate(loader, c.floatNet().generatedClassName(), 11);
        randomizeParameters(exact, new SplittableRandom(c.shape() + 200));
        randomizeParameters(single, new SplittableRandom(c.shape() + 200));
        Batch batch = randomBatch(exact, new SplittableRandom(c.shape() + 100), c.shape());
        double exactLoss = exact.computeGradients(batch);
        double singleLoss = single.computeGradients(batch);
        assertClose(exactLoss, singleLoss, c + ": loss");
        for (int t = 0; t < exact.gradients().size(); t++) {
            for (int i = 0; i < exact.gradients().get(t).size(); i++) {
                assertClose(exact.gradients().get(t).get(i), single.gradients().get(t).get(i),
                        c + ": " + exact.gradients().get(t).name() + "[" + i + "]");
            }
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        double error = Math.abs(expected - actual) / Math.max(1.0, Math.abs(expected));
        assertTrue(error < 1e-4, what + ": double " + expected + ", float " + actual);
    }

    /**
     * Every weight and bias drawn from N(0, 0.5²), so that no pre-activation sits exactly on a kink
     * (with zero biases, a layer fed only zeros would put every unit at z = 0).
     */
    static void randomizeParameters(TrainableNetwork network, SplittableRandom random) {
        for (Tensor parameter : network.parameters()) {
            for (int i = 0; i < parameter.size(); i++) {
                parameter.set(i, (float) (0.5 * random.nextGaussian()));
            }
        }
    }

    /** Batches of 2, 5 and 9 samples by shape, so both the dot-product (n < 4) and the Wᵀ form of dX are checked. */
    static Batch randomBatch(TrainableNetwork network, SplittableRandom random, int shape) {
        Batch batch = new Batch(network, network.maxBatch());
        int n = new int[] {2, 5, 9}[shape % 3];
        batch.setSize(n);
        for (int i = 0; i < n * network.inputs(); i++) {
            batch.features()[i] = (float) random.nextGaussian();
        }
        for (int s = 0; s < n; s++) {
            if (network.loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
                batch.labels()[s] = random.nextInt(network.outputs());
            } else {
                for (int j = 0; j < network.outputs(); j++) {
                    batch.targets()[s * network.outputs() + j] = network.loss() == Loss.BINARY_CROSS_ENTROPY
                            ? (float) random.nextDouble() : (float) random.nextGaussian();
                }
            }
        }
        return batch;
    }
}
