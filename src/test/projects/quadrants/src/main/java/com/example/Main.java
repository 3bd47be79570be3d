package com.example;

import java.util.SplittableRandom;

/** Trains {@code QuadrantsNet} with {@code trainBatch}, then reports its accuracy and a few predictions. */
public final class Main {
    private Main() {}

    static int quadrant(float x, float y) {
        return x >= 0 ? (y >= 0 ? 0 : 3) : (y >= 0 ? 1 : 2);
    }

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(1);
        int n = 1000;
        float[] points = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            points[2 * i] = (float) (2 * random.nextDouble() - 1);
            points[2 * i + 1] = (float) (2 * random.nextDouble() - 1);
            labels[i] = quadrant(points[2 * i], points[2 * i + 1]);
        }
        QuadrantsNet net = new QuadrantsNet();
        float[] batch = new float[2 * 50];
        int[] batchLabels = new int[50];
        float loss = 0;
        for (int epoch = 0; epoch < 60; epoch++) {
            for (int first = 0; first < n; first += 50) {
                System.arraycopy(points, 2 * first, batch, 0, 100);
                System.arraycopy(labels, first, batchLabels, 0, 50);
                loss = net.trainBatch(batch, batchLabels, 50);
            }
        }
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (net.classify(new float[] {points[2 * i], points[2 * i + 1]}) == labels[i]) {
                correct++;
            }
        }
        System.out.printf("loss=%.4f%n", loss);
        System.out.printf("accuracy=%.3f%n", correct / (double) n);
        System.out.println("quadrant(0.5, 0.5)=" + net.classify(new float[] {0.5f, 0.5f}));
        System.out.println("quadrant(-0.5, 0.5)=" + net.classify(new float[] {-0.5f, 0.5f}));
        System.out.println("quadrant(-0.5, -0.5)=" + net.classify(new float[] {-0.5f, -0.5f}));
        System.out.println("quadrant(0.5, -0.5)=" + net.classify(new float[] {0.5f, -0.5f}));
        System.out.println("hidden weights " + java.util.Arrays.toString(net.hidden().weights().shape()));
    }
}
