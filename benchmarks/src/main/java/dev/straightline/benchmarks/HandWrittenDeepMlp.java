package dev.straightline.benchmarks;

/**
 * The 784-256-128-10 network of {@link Mnist256x128} written by hand, in the style of
 * {@link HandWrittenMlp}: one array per weight row and per sample, inner loops over the contiguous
 * unit index, constant sizes, no unrolling tricks. A hidden layer's input gradient is a dot product
 * of dZ with each row of W, as the reference for M1 computes its own.
 */
public final class HandWrittenDeepMlp {
    static final int IN = 784;
    static final int H1 = 256;
    static final int H2 = 128;
    static final int OUT = 10;

    final float[][] w1 = new float[IN][H1];
    final float[] b1 = new float[H1];
    final float[][] w2 = new float[H1][H2];
    final float[] b2 = new float[H2];
    final float[][] w3 = new float[H2][OUT];
    final float[] b3 = new float[OUT];
    final float[][] dw1 = new float[IN][H1];
    final float[] db1 = new float[H1];
    final float[][] dw2 = new float[H1][H2];
    final float[] db2 = new float[H2];
    final float[][] dw3 = new float[H2][OUT];
    final float[] db3 = new float[OUT];
    private final float[][] a1;
    private final float[][] a2;
    private final float[][] logits;
    private final float[][] d1;
    private final float[][] d2;
    private final float[][] d3;
    private final float learningRate;

    public HandWrittenDeepMlp(int maxBatch, float learningRate) {
        this.a1 = new float[maxBatch][H1];
        this.a2 = new float[maxBatch][H2];
        this.logits = new float[maxBatch][OUT];
        this.d1 = new float[maxBatch][H1];
        this.d2 = new float[maxBatch][H2];
        this.d3 = new float[maxBatch][OUT];
        this.learningRate = learningRate;
    }

    /** One SGD step on n samples; returns the mean loss before the update. */
    public float trainBatch(float[] x, int[] labels, int n) {
        float loss = computeGradients(x, labels, n);
        update();
        return loss;
    }

    /** Forward, loss and backward without the update. */
    public float computeGradients(float[] x, int[] labels, int n) {
        forward(x, n);
        float loss = HandWrittenMlp.softmaxCrossEntropy(logits, d3, labels, n);
        backward(x, n);
        return loss;
    }

    private void forward(float[] x, int n) {
        for (int s = 0; s < n; s++) {
            float[] h1 = a1[s];
            System.arraycopy(b1, 0, h1, 0, H1);
            int xo = s * IN;
            for (int k = 0; k < IN; k++) {
                float xk = x[xo + k];
                float[] w = w1[k];
                for (int j = 0; j < H1; j++) {
                    h1[j] += xk * w[j];
                }
            }
            for (int j = 0; j < H1; j++) {
                h1[j] = Math.max(h1[j], 0f);
            }
            float[] h2 = a2[s];
            System.arraycopy(b2, 0, h2, 0, H2);
            for (int k = 0; k < H1; k++) {
                float hk = h1[k];
                float[] w = w2[k];
                for (int j = 0; j < H2; j++) {
                    h2[j] += hk * w[j];
                }
            }
            for (int j = 0; j < H2; j++) {
                h2[j] = Math.max(h2[j], 0f);
            }
            float[] z = logits[s];
            System.arraycopy(b3, 0, z, 0, OUT);
            for (int k = 0; k < H2; k++) {
                float hk = h2[k];
                float[] w = w3[k];
                for (int j = 0; j < OUT; j++) {
                    z[j] += hk * w[j];
                }
            }
        }
    }

    private void backward(float[] x, int n) {
        // dZ of each hidden layer: the next layer's dZ times Wᵀ, where this layer's output was positive.
        for (int s = 0; s < n; s++) {
            float[] dz = d3[s];
            float[] h = a2[s];
            float[] dh = d2[s];
            for (int k = 0; k < H2; k++) {
                float[] w = w3[k];
                float sum = 0;
                for (int j = 0; j < OUT; j++) {
                    sum += dz[j] * w[j];
                }
                dh[k] = h[k] > 0 ? sum : 0;
            }
            float[] h1 = a1[s];
            float[] dh1 = d1[s];
            for (int k = 0; k < H1; k++) {
                float[] w = w2[k];
                float sum = 0;
                for (int j = 0; j < H2; j++) {
                    sum += dh[j] * w[j];
                }
                dh1[k] = h1[k] > 0 ? sum : 0;
            }
        }
        biasGradient(d3, db3, n);
        biasGradient(d2, db2, n);
        biasGradient(d1, db1, n);
        weightGradient(a2, d3, dw3, n);
        weightGradient(a1, d2, dw2, n);
        for (int k = 0; k < IN; k++) {
            float[] dw = dw1[k];
            java.util.Arrays.fill(dw, 0f);
            for (int s = 0; s < n; s++) {
                float xk = x[s * IN + k];
                float[] dh = d1[s];
                for (int j = 0; j < H1; j++) {
                    dw[j] += xk * dh[j];
                }
            }
        }
    }

    private static void biasGradient(float[][] dz, float[] db, int n) {
        java.util.Arrays.fill(db, 0f);
        for (int s = 0; s < n; s++) {
            float[] d = dz[s];
            for (int j = 0; j < db.length; j++) {
                db[j] += d[j];
            }
        }
    }

    /** dW = Aᵀ·dZ: row k of dW gathers A[s][k]·dZ[s] over the samples. */
    private static void weightGradient(float[][] a, float[][] dz, float[][] dw, int n) {
        for (int k = 0; k < dw.length; k++) {
            float[] row = dw[k];
            java.util.Arrays.fill(row, 0f);
            for (int s = 0; s < n; s++) {
                float ak = a[s][k];
                float[] d = dz[s];
                for (int j = 0; j < row.length; j++) {
                    row[j] += ak * d[j];
                }
            }
        }
    }

    private void update() {
        step(w1, dw1, b1, db1);
        step(w2, dw2, b2, db2);
        step(w3, dw3, b3, db3);
    }

    private void step(float[][] w, float[][] dw, float[] b, float[] db) {
        for (int k = 0; k < w.length; k++) {
            float[] p = w[k];
            float[] g = dw[k];
            for (int j = 0; j < p.length; j++) {
                p[j] -= learningRate * g[j];
            }
        }
        for (int j = 0; j < b.length; j++) {
            b[j] -= learningRate * db[j];
        }
    }

    /** Copies the weights of a generated network, so both compute the same function. */
    public void copyWeightsFrom(Mnist256x128Net net) {
        copy(net.hidden1(), w1, b1);
        copy(net.hidden2(), w2, b2);
        copy(net.logits(), w3, b3);
    }

    private static void copy(dev.straightline.Layer layer, float[][] w, float[] b) {
        for (int k = 0; k < w.length; k++) {
            for (int j = 0; j < b.length; j++) {
                w[k][j] = (float) layer.weights().get(k, j);
            }
        }
        for (int j = 0; j < b.length; j++) {
            b[j] = (float) layer.bias().get(j);
        }
    }
}
