package dev.straightline.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.Layer;
import dev.straightline.Tensor;
import dev.straightline.nets.TinyTowerNet;
import dev.straightline.nets.TowerClippedExactNet;
import dev.straightline.nets.TowerExactNet;
import dev.straightline.nets.TowerNet;
import dev.straightline.runtime.Batch;
import dev.straightline.runtime.DataSet;
import dev.straightline.runtime.GradientCheck;
import dev.straightline.runtime.TrainableNetwork;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The three 37 → 37 tanh layers of {@code Tower} run one shared kernel each for the forward pass,
 * the backward pass, the weight gradient and the update, on arrays passed by each layer: every
 * layer still computes with its own weights and trains its own weights only.
 */
class SharedKernelsTest {
    private static final int N = 40;

    @Test
    void eachLayerComputesWithItsOwnWeights() {
        for (TrainableNetwork net : List.of(new TowerNet(3), new TowerExactNet(3))) {
            randomize(net.parameters(), new SplittableRandom(8));
            float[] x = inputs(N, 23, 9);
            float[] out = new float[N * 4];
            net.predictBatch(x, N, out);
            float[] one = new float[4];
            double tolerance = net instanceof TowerNet ? 1e-5 : 1e-7;
            for (int s = 0; s < N; s++) {
                double[] expected = softmax(reference(layers(net), x, 23, s));
                net.predictBatch(java.util.Arrays.copyOfRange(x, s * 23, s * 23 + 23), 1, one);
                for (int c = 0; c < 4; c++) {
                    assertEquals(expected[c], out[s * 4 + c], tolerance, "sample " + s + " of a batch, class " + c);
                    assertEquals(expected[c], one[c], tolerance, "sample " + s + " alone, class " + c);
                }
            }
        }
    }

    /** Straight-line kernels share too: the tiny 5 → 5 tanh layers of {@code TinyTower}. */
    @Test
    void tinyStraightLineLayersComputeWithTheirOwnWeightsAndTrainThem() {
        TinyTowerNet net = new TinyTowerNet(3);
        randomize(net.parameters(), new SplittableRandom(8));
        List<Layer> layers = List.of(net.first(), net.second(), net.third(), net.output());
        float[] x = inputs(6, 3, 9);
        float[] out = new float[6 * 2];
        net.predictBatch(x, 6, out);
        for (int s = 0; s < 6; s++) {
            double[] expected = reference(layers, x, 3, s);
            assertEquals(expected[0], out[s * 2], 1e-7, "sample " + s);
            assertEquals(expected[1], out[s * 2 + 1], 1e-7, "sample " + s);
        }
        float[] targets = new float[6 * 2];
        Batch batch = new Batch(net, 6);
        batch.fill(DataSet.withTargets(x, 3, targets, 2), 0, 6);
        assertTrue(GradientCheck.check(net, batch, 1e-6).relativeError() < 1e-5);
        assertStepFollowsGradient(net, batch, 0.05);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        TowerExactNet net = new TowerExactNet(3);
        randomize(net.parameters(), new SplittableRandom(8));
        GradientCheck.Result result = GradientCheck.check(net, batch(net, 12), 1e-6);
        assertTrue(result.relativeError() < 1e-5, result.toString());
    }

    @Test
    void aStepMovesEachLayerAlongItsOwnGradient() {
        TowerExactNet net = new TowerExactNet(3);
        randomize(net.parameters(), new SplittableRandom(8));
        assertStepFollowsGradient(net, batch(net, N), 0.05);
    }

    private static void assertStepFollowsGradient(TrainableNetwork net, Batch batch, double rate) {
        net.computeGradients(batch);
        double[][] gradient = snapshot(net.gradients());
        double[][] before = snapshot(net.parameters());
        net.trainBatch(batch);
        double[][] after = snapshot(net.parameters());
        for (int t = 0; t < before.length; t++) {
            for (int i = 0; i < before[t].length; i++) {
                assertEquals(before[t][i] - rate * gradient[t][i], after[t][i], 1e-12,
                        net.parameters().get(t).name() + "[" + i + "]");
            }
        }
    }

    /** Two clipped momentum steps, v ← 0.9·v + clip(g), W ← W − 0.1·v, with each layer's own v. */
    @Test
    void clippedMomentumStepsKeepEachLayersOwnVelocity() {
        TowerClippedExactNet net = new TowerClippedExactNet(3);
        randomize(net.parameters(), new SplittableRandom(8));
        Batch batch = batch(net, N);
        double[][] weights = snapshot(net.parameters());
        double[][] velocity = new double[weights.length][];
        for (int t = 0; t < weights.length; t++) {
            velocity[t] = new double[weights[t].length];
        }
        for (int step = 0; step < 2; step++) {
            net.computeGradients(batch);
            double[][] gradient = snapshot(net.gradients());
            double squares = 0;
            for (double[] g : gradient) {
                for (double v : g) {
                    squares += v * v;
                }
            }
            double scale = Math.min(1, 0.5 / Math.sqrt(squares));
            assertTrue(scale < 1, "the test needs a gradient the clip shortens, norm " + Math.sqrt(squares));
            for (int t = 0; t < weights.length; t++) {
                for (int i = 0; i < weights[t].length; i++) {
                    velocity[t][i] = 0.9 * velocity[t][i] + scale * gradient[t][i];
                    weights[t][i] -= 0.1 * velocity[t][i];
                }
            }
            net.trainBatch(batch);
            double[][] actual = snapshot(net.parameters());
            for (int t = 0; t < weights.length; t++) {
                for (int i = 0; i < weights[t].length; i++) {
                    assertEquals(weights[t][i], actual[t][i], 1e-12,
                            "step " + step + ", " + net.parameters().get(t).name() + "[" + i + "]");
                }
            }
        }
    }

    /**
     * H of the last layer, from the layers' tensors: the first layer relu when wide, every other
     * hidden layer tanh, the last identity.
     */
    private static double[] reference(List<Layer> layers, float[] x, int inputs, int sample) {
        double[] h = new double[inputs];
        for (int k = 0; k < inputs; k++) {
            h[k] = x[sample * inputs + k];
        }
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            double[] z = new double[layer.units()];
            for (int j = 0; j < z.length; j++) {
                z[j] = layer.bias().get(j);
                for (int k = 0; k < h.length; k++) {
                    z[j] += h[k] * layer.weights().get(k, j);
                }
                boolean relu = l == 0 && layer.units() > 8;
                z[j] = l == layers.size() - 1 ? z[j] : relu ? Math.max(z[j], 0) : Math.tanh(z[j]);
            }
            h = z;
        }
        return h;
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    private static List<Layer> layers(TrainableNetwork net) {
        if (net instanceof TowerNet tower) {
            return List.of(tower.first(), tower.second(), tower.third(), tower.fourth(), tower.logits());
        }
        TowerExactNet tower = (TowerExactNet) net;
        return List.of(tower.first(), tower.second(), tower.third(), tower.fourth(), tower.logits());
    }

    /** Every weight and bias from N(0, 0.3²), different in every layer. */
    private static void randomize(List<Tensor> tensors, SplittableRandom random) {
        for (Tensor tensor : tensors) {
            for (int i = 0; i < tensor.size(); i++) {
                tensor.set(i, 0.3 * random.nextGaussian());
            }
        }
    }

    private static float[] inputs(int n, int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * width];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    private static Batch batch(TrainableNetwork net, int n) {
        SplittableRandom random = new SplittableRandom(10);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(4);
        }
        Batch batch = new Batch(net, n);
        batch.fill(DataSet.labeled(inputs(n, 23, 9), 23, labels, 4), 0, n);
        return batch;
    }

    private static double[][] snapshot(List<Tensor> tensors) {
        double[][] values = new double[tensors.size()][];
        for (int t = 0; t < values.length; t++) {
            values[t] = new double[tensors.get(t).size()];
            for (int i = 0; i < values[t].length; i++) {
                values[t][i] = tensors.get(t).get(i);
            }
        }
        return values;
    }
}
