package dev.straightline.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.Tensor;
import dev.straightline.runtime.Batch;
import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.GradientCheck;
import dev.straightline.runtime.TrainableNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every optimizer's update, checked against the textbook formula computed here in double from the
 * network's own gradients, step by step; then each optimizer must fit a small regression, and an
 * optimizer's state must survive save and load so that training resumes exactly.
 */
class OptimizerTest {
    /** One network per optimizer, with settings away from the defaults so that a constant in the wrong place shows. */
    private static final String[][] OPTIMIZERS = {
        {"Sgd", "@Sgd(learningRate = 0.05)"},
        {"Momentum", "@Sgd(learningRate = 0.05, momentum = 0.8)"},
        {"Nesterov", "@Sgd(learningRate = 0.05, momentum = 0.7, nesterov = true)"},
        {"Adagrad", "@Adagrad(learningRate = 0.03, epsilon = 1e-6)"},
        {"RmsProp", "@RmsProp(learningRate = 0.002, rho = 0.8, epsilon = 1e-6)"},
        {"Adam", "@Adam(learningRate = 0.003, beta1 = 0.85, beta2 = 0.99, epsilon = 1e-6)"},
        {"AdamW", "@AdamW(learningRate = 0.003, beta1 = 0.85, beta2 = 0.99, epsilon = 1e-6, weightDecay = 0.1)"},
    };

    private static ClassLoader loader;

    @BeforeAll
    static void compileOneNetworkPerOptimizer() {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String[] optimizer : OPTIMIZERS) {
            sources.add(NetworkSource.network(optimizer[0] + "Regression", 3, "MEAN_SQUARED_ERROR")
                    .precision("DOUBLE")
                    .maxBatch(8)
                    .optimizer(optimizer[1])
                    .dense("hidden", 4, "TANH")
                    .dense("output", 2, "IDENTITY")
                    .file());
        }
        for (String[] clipped : new String[][] {{"Sgd", "@Sgd(learningRate = 0.05)"},
                {"Momentum", "@Sgd(learningRate = 0.05, momentum = 0.8)"}}) {
            sources.add(NetworkSource.network(clipped[0] + "ClippedRegression", 3, "MEAN_SQUARED_ERROR")
                    .precision("DOUBLE")
                    .maxBatch(8)
                    .optimizer(clipped[1])
                    .clipNorm(0.05)
                    .dense("hidden", 4, "TANH")
                    .dense("output", 2, "IDENTITY")
                    .file());
        }
        // Wide enough for the Vector API path, in the executions that enable it.
        sources.add(NetworkSource.network("SgdFloatRegression", 3, "MEAN_SQUARED_ERROR")
                .precision("FLOAT")
                .maxBatch(8)
                .optimizer("@Sgd(learningRate = 0.05)")
                .dense("hidden", 16, "TANH")
                .dense("output", 2, "IDENTITY")
                .file());
        for (String precision : new String[] {"DOUBLE", "FLOAT"}) {
            sources.add(NetworkSource.network("Penalized" + precision, 3, "MEAN_SQUARED_ERROR")
                    .precision(precision)
                    .maxBatch(8)
                    .l2(0.01)
                    .dense("hidden", 4, "TANH")
                    .dense("output", 2, "IDENTITY")
                    .file());
        }
        loader = InMemoryCompiler.compileAndLoad(sources);
    }

    private static TrainableNetwork network(String name, long seed) {
        return InMemoryCompiler.instantiate(loader, "test." + name + "RegressionNet", seed);
    }

    /** Eight samples of y = (x₀ − 2x₁ + x₂/2, sin x₀), x uniform in [−1, 1). */
    private static Batch batch(TrainableNetwork net, long seed) {
        return batch(net, seed, 8);
    }

    /** The first {@code size} of those eight samples. */
    private static Batch batch(TrainableNetwork net, long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[8 * 3];
        float[] y = new float[8 * 2];
        for (int s = 0; s < 8; s++) {
            for (int k = 0; k < 3; k++) {
                x[s * 3 + k] = (float) (2 * random.nextDouble() - 1);
            }
            y[s * 2] = x[s * 3] - 2 * x[s * 3 + 1] + x[s * 3 + 2] / 2;
            y[s * 2 + 1] = (float) Math.sin(x[s * 3]);
        }
        Batch batch = new Batch(net, size);
        batch.fill(DataSet.withTargets(x, 3, y, 2), 0, size);
        return batch;
    }

    private static double[][] values(List<Tensor> tensors) {
        double[][] values = new double[tensors.size()][];
        for (int t = 0; t < tensors.size(); t++) {
            values[t] = new double[tensors.get(t).size()];
            for (int i = 0; i < values[t].length; i++) {
                values[t][i] = tensors.get(t).get(i);
            }
        }
        return values;
    }

    /** The textbook update, one parameter element at a time, with its own state. */
    private static final class Reference {
        final String kind;
        final double[][] first;
        final double[][] second;
        double beta1Power = 1;
        double beta2Power = 1;

        Reference(String kind, double[][] parameters) {
            this.kind = kind;
            this.first = new double[parameters.length][];
            this.second = new double[parameters.length][];
            for (int t = 0; t < parameters.length; t++) {
                first[t] = new double[parameters[t].length];
                second[t] = new double[parameters[t].length];
            }
        }

        void step(double[][] p, double[][] g, List<Tensor> tensors) {
            beta1Power *= 0.85;
            beta2Power *= 0.99;
            for (int t = 0; t < p.length; t++) {
                boolean weights = tensors.get(t).name().endsWith(".weight");
                for (int i = 0; i < p[t].length; i++) {
                    p[t][i] = updated(p[t][i], g[t][i], t, i, weights);
                }
            }
        }

        private double updated(double theta, double grad, int t, int i, boolean weights) {
            switch (kind) {
                case "Sgd":
                    return theta - 0.05 * grad;
                case "Momentum":
                    first[t][i] = 0.8 * first[t][i] + grad;
                    return theta - 0.05 * first[t][i];
                case "Nesterov":
                    first[t][i] = 0.7 * first[t][i] + grad;
                    return theta - 0.05 * (grad + 0.7 * first[t][i]);
                case "Adagrad":
                    first[t][i] += grad * grad;
                    return theta - 0.03 * grad / (Math.sqrt(first[t][i]) + 1e-6);
                case "RmsProp":
                    first[t][i] = 0.8 * first[t][i] + 0.2 * grad * grad;
                    return theta - 0.002 * grad / (Math.sqrt(first[t][i]) + 1e-6);
                case "Adam":
                case "AdamW":
                    if (kind.equals("AdamW") && weights) {
                        theta -= 0.003 * 0.1 * theta;
                    }
                    first[t][i] = 0.85 * first[t][i] + 0.15 * grad;
                    second[t][i] = 0.99 * second[t][i] + 0.01 * grad * grad;
                    double mHat = first[t][i] / (1 - beta1Power);
                    double vHat = second[t][i] / (1 - beta2Power);
                    return theta - 0.003 * mHat / (Math.sqrt(vHat) + 1e-6);
                default:
                    throw new IllegalArgumentException(kind);
            }
        }
    }

    @ParameterizedTest(name = "batch of {0}")
    @ValueSource(ints = {8, 1})
    void everyOptimizerTakesTheTextbookStep(int size) {
        for (String[] optimizer : OPTIMIZERS) {
            TrainableNetwork net = network(optimizer[0], 5);
            Batch batch = batch(net, 9, size);
            double[][] expected = values(net.parameters());
            Reference reference = new Reference(optimizer[0], expected);
            for (int step = 1; step <= 5; step++) {
                net.computeGradients(batch);
                reference.step(expected, values(net.gradients()), net.parameters());
                net.trainBatch(batch);
                double[][] actual = values(net.parameters());
                for (int t = 0; t < expected.length; t++) {
                    for (int i = 0; i < expected[t].length; i++) {
                        assertEquals(expected[t][i], actual[t][i], 1e-12 * Math.max(1, Math.abs(expected[t][i])),
                                optimizer[0] + ": " + net.parameters().get(t).name() + "[" + i + "] after step " + step);
                    }
                }
            }
        }
    }

    @Test
    void oneSampleTakesPlainSgdsStepToTheLastBit() {
        TrainableNetwork net = network("SgdFloat", 5);
        for (int step = 1; step <= 5; step++) {
            Batch sample = batch(net, step, 1);
            net.computeGradients(sample);
            float[][] expected = new float[net.parameters().size()][];
            for (int t = 0; t < expected.length; t++) {
                Tensor parameter = net.parameters().get(t);
                float[] gradient = new float[parameter.size()];
                net.gradients().get(t).copyTo(gradient);
                expected[t] = new float[parameter.size()];
                parameter.copyTo(expected[t]);
                for (int i = 0; i < expected[t].length; i++) {
                    expected[t][i] -= 0.05f * gradient[i];
                }
            }
            net.trainBatch(sample);
            for (int t = 0; t < expected.length; t++) {
                float[] actual = new float[expected[t].length];
                net.parameters().get(t).copyTo(actual);
                assertArrayEquals(expected[t], actual, net.parameters().get(t).name() + " after step " + step);
            }
        }
    }

    @Test
    void everyOptimizerFitsASmallRegression() {
        double[] rates = {0.1, 0.05, 0.05, 0.1, 0.01, 0.01, 0.01};
        for (int o = 0; o < OPTIMIZERS.length; o++) {
            TrainableNetwork net = network(OPTIMIZERS[o][0], 1);
            net.setLearningRate(rates[o]);
            double first = net.evaluateBatch(batch(net, 0));
            for (int step = 0; step < 3000; step++) {
                net.trainBatch(batch(net, step % 64));
            }
            double last = 0;
            for (int b = 0; b < 64; b++) {
                last += net.evaluateBatch(batch(net, b)) / 64;
            }
            assertTrue(last < 0.02 * first, OPTIMIZERS[o][0] + ": the loss went from " + first + " to " + last);
        }
    }

    @Test
    void theOptimizersStateIsSavedSoThatTrainingResumesExactly(@TempDir Path folder) throws IOException {
        for (String name : new String[] {"Momentum", "Adagrad", "RmsProp", "Adam", "AdamW"}) {
            TrainableNetwork trained = network(name, 3);
            for (int step = 0; step < 4; step++) {
                trained.trainBatch(batch(trained, step));
            }
            Path file = folder.resolve(name + ".slw");
            trained.save(file);
            TrainableNetwork resumed = network(name, 99);
            resumed.load(file);
            // The same parameters without the optimizer's state: training from here takes other steps.
            TrainableNetwork stateless = network(name, 99);
            double[][] saved = values(trained.parameters());
            for (int t = 0; t < saved.length; t++) {
                for (int i = 0; i < saved[t].length; i++) {
                    stateless.parameters().get(t).set(i, saved[t][i]);
                }
            }
            for (int step = 4; step < 8; step++) {
                trained.trainBatch(batch(trained, step));
                resumed.trainBatch(batch(resumed, step));
                stateless.trainBatch(batch(stateless, step));
            }
            double[][] expected = values(trained.parameters());
            double[][] actual = values(resumed.parameters());
            double[][] restarted = values(stateless.parameters());
            double difference = 0;
            for (int t = 0; t < expected.length; t++) {
                for (int i = 0; i < expected[t].length; i++) {
                    assertEquals(expected[t][i], actual[t][i], 0.0, name + ": " + trained.parameters().get(t).name() + "[" + i + "]");
                    difference = Math.max(difference, Math.abs(expected[t][i] - restarted[t][i]));
                }
            }
            assertTrue(difference > 1e-6, name + ": restarting without the saved state made no difference");
            assertTrue(Files.size(file) > 0);
        }
    }

    @Test
    void clippingScalesTheWholeGradientToTheClipNormBeforeTheOptimizerSeesIt() {
        for (String name : new String[] {"Sgd", "Momentum"}) {
            TrainableNetwork net = network(name + "Clipped", 5);
            Batch batch = batch(net, 9);
            double[][] expected = values(net.parameters());
            Reference reference = new Reference(name, expected);
            int clipped = 0;
            for (int step = 1; step <= 5; step++) {
                net.computeGradients(batch);
                double[][] g = values(net.gradients());
                double squares = 0;
                for (double[] tensor : g) {
                    for (double v : tensor) {
                        squares += v * v;
                    }
                }
                double norm = Math.sqrt(squares);
                if (norm > 0.05) {
                    clipped++;
                    for (double[] tensor : g) {
                        for (int i = 0; i < tensor.length; i++) {
                            tensor[i] *= 0.05 / norm;
                        }
                    }
                }
                reference.step(expected, g, net.parameters());
                net.trainBatch(batch);
                double[][] actual = values(net.parameters());
                for (int t = 0; t < expected.length; t++) {
                    for (int i = 0; i < expected[t].length; i++) {
                        assertEquals(expected[t][i], actual[t][i], 1e-12 * Math.max(1, Math.abs(expected[t][i])),
                                name + " clipped: " + net.parameters().get(t).name() + "[" + i + "] after step " + step);
                    }
                }
            }
            assertEquals(5, clipped, "every step's gradient exceeded the clip norm of 0.05");
        }
    }

    @Test
    void anL2PenaltyAddsTwoLambdaWToTheWeightsGradientButNotToTheBiasesOrTheLoss() {
        TrainableNetwork penalized = InMemoryCompiler.instantiate(loader, "test.PenalizedDOUBLENet", 5);
        TrainableNetwork plain = network("Sgd", 5);
        Batch batch = batch(penalized, 9);
        double[][] w = values(penalized.parameters());
        assertEquals(plain.computeGradients(batch), penalized.computeGradients(batch), 1e-15, "the data loss is returned");
        double[][] expected = values(plain.gradients());
        double[][] actual = values(penalized.gradients());
        double squares = 0;
        for (int t = 0; t < w.length; t++) {
            boolean weights = penalized.parameters().get(t).name().endsWith(".weight");
            for (int i = 0; i < w[t].length; i++) {
                assertEquals(expected[t][i] + (weights ? 0.02 * w[t][i] : 0), actual[t][i], 1e-15,
                        penalized.parameters().get(t).name() + "[" + i + "]");
                squares += weights ? w[t][i] * w[t][i] : 0;
            }
        }
        assertEquals(0.01 * squares, penalized.penalty(), 1e-15);
        assertEquals(0, plain.penalty());
        GradientCheck.Result check = GradientCheck.check(penalized, batch, 1e-6);
        assertTrue(check.relativeError() < 1e-6, "gradient of loss + penalty: " + check);
    }

    @Test
    void aFloatNetworkWithAPenaltyFollowsItsDoubleTwin() {
        TrainableNetwork single = InMemoryCompiler.instantiate(loader, "test.PenalizedFLOATNet", 5);
        TrainableNetwork exact = InMemoryCompiler.instantiate(loader, "test.PenalizedDOUBLENet", 5);
        for (int step = 0; step < 20; step++) {
            assertEquals(exact.trainBatch(batch(exact, step)), single.trainBatch(batch(single, step)), 1e-5, "step " + step);
        }
        assertEquals(exact.penalty(), single.penalty(), 1e-6);
    }

    @Test
    void aWeightFileWithoutTheOptimizersStateIsRefusedWithAReason(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("sgd.slw");
        network("Sgd", 1).save(file);
        TrainableNetwork adam = network("Adam", 2);
        double before = adam.parameters().get(0).get(0);
        dev.straightline.runtime.WeightFileException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.straightline.runtime.WeightFileException.class, () -> adam.load(file));
        assertTrue(e.getMessage().endsWith("sgd.slw holds 4 tensors, expected 13; the first one missing is hidden.weight.mean "
                + "(a weight file holds the optimizer's state too: load it into a network with the same optimizer)"), e.getMessage());
        assertEquals(before, adam.parameters().get(0).get(0), "nothing was loaded");
    }
}
