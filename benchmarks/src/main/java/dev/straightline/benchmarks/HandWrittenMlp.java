package dev.straightline.benchmarks;

/**
 * The 784-128-10 network of {@link Mnist128} written by hand, allocation-free, the way a careful
 * Java engineer who knows HotSpot's rules would: one array per weight row and per sample, inner
 * loops over the contiguous unit index ({@code y[j] += a * w[j]}), constant sizes, no unrolling
 * tricks. The reference the generated code is measured against.
 */
public final class HandWrittenMlp {
    static final int IN = 784;
    static final int HIDDEN = 128;
    static final int OUT = 10;

    final float[][] w1 = new float[IN][HIDDEN];
    final float[] b1 = new float[HIDDEN];
    final float[][] w2 = new float[HIDDEN][OUT];
    final float[] b2 = new float[OUT];
    final float[][] dw1 = new float[IN][HIDDEN];
    final float[] db1 = new float[HIDDEN];
    final float[][] dw2 = new float[HIDDEN][OUT];
    final float[] db2 = new float[OUT];
    private final float[][] hidden;
    private final float[][] dHidden;
    private final float[][] logits;
    private final float[][] dLogits;
    private final float learningRate;

    public HandWrittenMlp(int maxBatch, float learningRate) {
        this.hidden = new float[maxBatch][HIDDEN];
        this.dHidden = new float[maxBatch][HIDDEN];
        this.logits = new float[maxBatch][OUT];
        this.dLogits = new float[maxBatch][OUT];
        this.learningRate = learningRate;
    }

    /** One SGD step on n samples; returns the mean loss before the update. */
    public float trainBatch(float[] x, int[] labels, int n) {
        forward(x, n);
        float loss = softmaxCrossEntropy(logits, dLogits, labels, n);
        backward(x, n);
        update();
        return loss;
    }

    /** Forward, loss and backward without the update. */
    public float computeGradients(float[] x, int[] labels, int n) {
        forward(x, n);
        float loss = softmaxCrossEntropy(logits, dLogits, labels, n);
        backward(x, n);
        return loss;
    }

    /** Class probabilities of one sample. */
    public void predict(float[] x, float[] out) {
        forward(x, 1);
        float[] z = logits[0];
        float max = z[0];
        for (int j = 1; j < OUT; j++) {
            max = Math.max(max, z[j]);
        }
        float sum = 0;
        for (int j = 0; j < OUT; j++) {
            out[j] = (float) Math.exp(z[j] - max);
            sum += out[j];
        }
        for (int j = 0; j < OUT; j++) {
            out[j] /= sum;
        }
    }

    private void forward(float[] x, int n) {
        for (int s = 0; s < n; s++) {
            float[] h = hidden[s];
            System.arraycopy(b1, 0, h, 0, HIDDEN);
            int xo = s * IN;
            for (int k = 0; k < IN; k++) {
                float xk = x[xo + k];
                float[] w = w1[k];
                for (int j = 0; j < HIDDEN; j++) {
                    h[j] += xk * w[j];
                }
            }
            for (int j = 0; j < HIDDEN; j++) {
                h[j] = Math.max(h[j], 0f);
            }
            float[] z = logits[s];
            System.arraycopy(b2, 0, z, 0, OUT);
            for (int k = 0; k < HIDDEN; k++) {
                float hk = h[k];
                float[] w = w2[k];
                for (int j = 0; j < OUT; j++) {
                    z[j] += hk * w[j];
                }
            }
        }
    }

    /**
     * The mean softmax cross-entropy of rows [0, n) of {@code logits}, and its gradient with respect to
     * them in {@code dLogits}; {@link HandWrittenDeepMlp} uses it too.
     */
    static float softmaxCrossEntropy(float[][] logits, float[][] dLogits, int[] labels, int n) {
        double total = 0;
        for (int s = 0; s < n; s++) {
            float[] z = logits[s];
            float[] dz = dLogits[s];
            float max = z[0];
            for (int j = 1; j < OUT; j++) {
                max = Math.max(max, z[j]);
            }
            float sum = 0;
            for (int j = 0; j < OUT; j++) {
                dz[j] = (float) Math.exp(z[j] - max);
                sum += dz[j];
            }
            for (int j = 0; j < OUT; j++) {
                dz[j] = dz[j] / sum / n;
            }
            dz[labels[s]] -= 1f / n;
            total += max + Math.log(sum) - z[labels[s]];
        }
        return (float) (total / n);
    }

    private void backward(float[] x, int n) {
        java.util.Arrays.fill(db2, 0f);
        for (float[] row : dw2) {
            java.util.Arrays.fill(row, 0f);
        }
        for (int s = 0; s < n; s++) {
            float[] dz = dLogits[s];
            float[] h = hidden[s];
            float[] dh = dHidden[s];
            for (int j = 0; j < OUT; j++) {
                db2[j] += dz[j];
            }
            for (int k = 0; k < HIDDEN; k++) {
                float hk = h[k];
                float[] dw = dw2[k];
                float[] w = w2[k];
                float sum = 0;
                for (int j = 0; j < OUT; j++) {
                    dw[j] += hk * dz[j];
                    sum += dz[j] * w[j];
                }
                dh[k] = hk > 0 ? sum : 0;
            }
        }
        java.util.Arrays.fill(db1, 0f);
        for (int s = 0; s < n; s++) {
            float[] dh = dHidden[s];
            for (int j = 0; j < HIDDEN; j++) {
                db1[j] += dh[j];
            }
        }
        for (int k = 0; k < IN; k++) {
            float[] dw = dw1[k];
            java.util.Arrays.fill(dw, 0f);
            for (int s = 0; s < n; s++) {
                float xk = x[s * IN + k];
                float[] dh = dHidden[s];
                for (int j = 0; j < HIDDEN; j++) {
                    dw[j] += xk * dh[j];
                }
            }
        }
    }

    private void update() {
        for (int k = 0; k < IN; k++) {
            float[] w = w1[k];
            float[] g = dw1[k];
            for (int j = 0; j < HIDDEN; j++) {
                w[j] -= learningRate * g[j];
            }
        }
        for (int j = 0; j < HIDDEN; j++) {
            b1[j] -= learningRate * db1[j];
        }
        for (int k = 0; k < HIDDEN; k++) {
            float[] w = w2[k];
            float[] g = dw2[k];
            for (int j = 0; j < OUT; j++) {
                w[j] -= learningRate * g[j];
            }
        }
        for (int j = 0; j < OUT; j++) {
            b2[j] -= learningRate * db2[j];
        }
    }

    /** Copies the weights of a generated network, so both compute the same function. */
    public void copyWeightsFrom(Mnist128Net net) {
        for (int k = 0; k < IN; k++) {
            for (int j = 0; j < HIDDEN; j++) {
                w1[k][j] = (float) net.hidden().weights().get(k, j);
            }
        }
        for (int j = 0; j < HIDDEN; j++) {
            b1[j] = (float) net.hidden().bias().get(j);
        }
        for (int k = 0; k < HIDDEN; k++) {
            for (int j = 0; j < OUT; j++) {
                w2[k][j] = (float) net.logits().weights().get(k, j);
            }
        }
        for (int j = 0; j < OUT; j++) {
            b2[j] = (float) net.logits().bias().get(j);
        }
    }
}
