package dev.straightline.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated source is deterministic and reads one layer at a time. */
class GeneratedSourceTest {
    private static NetworkSource mlp() {
        return NetworkSource.network("Mlp", 784, "SOFTMAX_CROSS_ENTROPY")
                .dense("hidden", 256, "RELU")
                .dense("logits", 10, "IDENTITY");
    }

    private static String generate(NetworkSource network) throws IOException {
        Compilation compilation = InMemoryCompiler.compile(network.file());
        assertThat(compilation.errors()).isEmpty();
        JavaFileObject file = compilation.generatedSourceFile(network.generatedClassName()).orElseThrow();
        return file.getCharContent(false).toString();
    }

    @Test
    void theSameDeclarationGivesTheSameSource() throws IOException {
        assertEquals(generate(mlp()), generate(mlp()));
    }

    @Test
    void eachLayerHasForwardBackwardAndWeightGradientMethodsWithTheirMath() throws IOException {
        String source = generate(mlp());
        assertThat(source).contains("private void hiddenForward(float[] x, int first, int from, int to)");
        assertThat(source).contains("private void hiddenBackward(int from, int to, int n)");
        assertThat(source.replaceAll("\\s+", " ")).contains(
                "private void hiddenWeightGradient(float[] x, int n, int k0, int k1, float[] scratch, boolean update)");
        assertThat(source).contains("private void logitsForward(int from, int to)");
        assertThat(source).contains("private void logitsBackward(int from, int to, int n)");
        assertThat(source).contains("private void logitsWeightGradient(int n, int k0, int k1, float[] scratch, boolean update)");
        assertThat(source).contains("Z = X·W + b, H = relu(Z).");
        assertThat(source).contains("dZ = [Z > 0] ⊙ dH.");
        assertThat(source).contains("dZ = dH, dX = dZ·Wᵀ (into hidden's dH).");
        assertThat(source).contains("Every layer's db = Σₛ dZ[s], summed in sample order on the calling thread.");
        assertThat(source).contains("rows [k0, k1) of the weight gradient for samples [0, n): dW = Xᵀ·dZ");
        assertThat(source).contains("public static final int INPUTS = 784;");
        assertThat(source).contains("private final float[][] hiddenW = new float[784][256];");
        assertThat(source).doesNotContain("new float[MAX_BATCH * ");
    }

    /**
     * The two threads' rows of a weight gradient: the widest layer's 256 values and 16 floats, one cache line, apart;
     * on the Vector API path, as long as the kernel's scratch needs.
     */
    @Test
    void eachThreadsGradientRowEndsInACacheLineOfItsOwn() throws IOException {
        assertThat(generate(mlp())).contains("private final float[][] gradientRows = new float[Team.PARTS]"
                + "[Simd.ENABLED ? Math.max(272, Simd.kernels().weightGradientScratch(MAX_BATCH)) : 272];");
        assertThat(generate(mlp().precision("DOUBLE"))).contains("private final double[][] gradientRows = new double[Team.PARTS][264];");
    }

    /**
     * On the Vector API path, a layer of 128 units or more takes one sample through the kernels (a pass of
     * sixteen FMA chains reads each row of W once); a narrower layer keeps fewer than four in the loops.
     */
    @Test
    void singleSamplesTakeTheVectorKernelsInLayersOfAtLeast128Units() throws IOException {
        String source = generate(mlp());
        assertEquals(1, count(source, "if (Simd.ENABLED && (to - from >= 4 || to - from == 1)) {"), "the 256-unit layer");
        assertEquals(1, count(source, "if (Simd.ENABLED && to - from >= 4) {"), "the 10-unit layer");
        String narrower = generate(NetworkSource.network("Narrower", 784, "SOFTMAX_CROSS_ENTROPY")
                .dense("hidden", 127, "RELU").dense("logits", 10, "IDENTITY"));
        assertThat(narrower).doesNotContain("to - from == 1");
        String exactly128 = generate(NetworkSource.network("Exactly128", 784, "SOFTMAX_CROSS_ENTROPY")
                .dense("hidden", 128, "RELU").dense("logits", 10, "IDENTITY"));
        assertEquals(1, count(exactly128, "to - from == 1"), "a 128-unit layer");
    }

    /**
     * dX = dZ·Wᵀ reads a copy of Wᵀ in contiguous rows; on the Vector API path, fewer than four samples
     * take the kernels' dot products with the rows of W instead, and the copy is skipped when every
     * layer that passes a gradient back has that path. Plain loops never sum a dot product.
     */
    @Test
    void fewerThanFourSamplesPassTheGradientBackThroughTheKernelsWithoutACopyOfWt() throws IOException {
        String source = generate(mlp());
        assertThat(source).contains("Simd.kernels().inputGradient(logitsDZ, logitsW, hiddenDH, from, to, 10, 256);");
        assertThat(source.replaceAll("\\s+", " ")).contains("if (n >= 4 || !Simd.ENABLED) { run(TRANSPOSE); }");
        assertThat(source).doesNotContain("sum +=");
        String fourClasses = generate(NetworkSource.network("FourClasses", 784, "SOFTMAX_CROSS_ENTROPY")
                .dense("hidden", 256, "RELU").dense("logits", 4, "IDENTITY"));
        assertThat(fourClasses).doesNotContain("inputGradient");
        assertThat(fourClasses).doesNotContain("n >= 4 || !Simd.ENABLED");
        assertThat(fourClasses).contains("run(TRANSPOSE);");
        String exact = generate(mlp().precision("DOUBLE"));
        assertThat(exact).doesNotContain("inputGradient");
        assertThat(exact).doesNotContain("n >= 4 || !Simd.ENABLED");
        assertThat(exact).contains("run(TRANSPOSE);");
    }

    /** The forward pass checks its inputs through whichever is narrower: x, or the first layer's Z. */
    @Test
    void theForwardPassChecksTheNarrowerOfXAndTheFirstLayersZ() throws IOException {
        String narrowing = generate(mlp());
        assertThat(narrowing).contains("Checks.finiteInputs(\"x\", x, first, from, to, INPUTS, hiddenZ, 256);");
        assertThat(narrowing).doesNotContain("Checks.rows(\"x\"");
        String widening = generate(NetworkSource.network("Widening", 8, "SOFTMAX_CROSS_ENTROPY")
                .dense("hidden", 64, "RELU").dense("logits", 10, "IDENTITY"));
        assertThat(widening).contains("Checks.finiteRows(\"x\", x, first + from, first + to, INPUTS);");
        assertThat(widening).doesNotContain("finiteInputs");
    }

    @Test
    void tinyLayersAreStraightLineUnlessLoopsAreAskedFor() throws IOException {
        String tiny = generate(NetworkSource.network("Tiny", 4, "SOFTMAX_CROSS_ENTROPY")
                .dense("hidden", 8, "TANH").dense("logits", 3, "IDENTITY"));
        assertThat(tiny).contains("z[7] = b7 + x0 * w0_7 + x1 * w1_7 + x2 * w2_7 + x3 * w3_7;");
        String wide = generate(mlp());
        assertThat(wide).doesNotContain("the sums written out");
    }

    @Test
    void layersOfOneShapeShareTheirKernels() throws IOException {
        NetworkSource deep = NetworkSource.network("Deep", 32, "SOFTMAX_CROSS_ENTROPY").clipNorm(1);
        for (int i = 0; i < 8; i++) {
            deep.dense("hidden" + i, 64, "RELU");
        }
        String source = generate(deep.dense("logits", 10, "IDENTITY"));
        for (String kernel : List.of("Forward", "Backward", "WeightGradient", "Transpose", "UpdateWeights")) {
            String name = "dense64x64Relu" + kernel;
            assertEquals(1, count(source, "private void " + name + "("), name + " declared once");
            assertEquals(7, count(source, "        " + name + "("), name + " called by hidden1 to hidden7");
        }
        assertThat(source.replaceAll("\\s+", " ")).contains(
                "private void dense64x64ReluForward(float[][] X, float[][] W, float[] b, float[][] Z, float[][] H, int from, int to)");
        assertThat(source).contains("dense64x64ReluForward(hidden2H, hidden3W, hidden3B, hidden3Z, hidden3H, from, to);");
        assertThat(source).contains("Shared by the layers of this shape: hidden1, hidden2, hidden3, hidden4, hidden5, hidden6, hidden7.");
        assertThat(source).contains("private void hidden0Forward(float[] x, int first, int from, int to)");
        assertThat(source).contains("private void logitsForward(int from, int to)");
        assertThat(generate(mlp())).doesNotContain("Shared by");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void theSourceGrowsWithTheLayersNotWithTheirWidths() throws IOException {
        // 128 units: the narrowest first layer that two threads split by units and share one sample of, as a
        // 1024-unit one.
        long narrow = generate(NetworkSource.network("Narrow", 32, "MEAN_SQUARED_ERROR").maxBatch(4)
                .dense("first", 128, "TANH").dense("second", 32, "IDENTITY")).lines().count();
        long wide = generate(NetworkSource.network("Narrow", 4096, "MEAN_SQUARED_ERROR").maxBatch(4)
                .dense("first", 1024, "TANH").dense("second", 1024, "IDENTITY")).lines().count();
        long deeper = generate(NetworkSource.network("Narrow", 32, "MEAN_SQUARED_ERROR").maxBatch(4)
                .dense("first", 128, "TANH").dense("second", 32, "TANH").dense("third", 32, "IDENTITY")).lines().count();
        assertEquals(narrow, wide, "lines of a 32-128-32 and a 4096-1024-1024 network");
        assertThat(deeper - narrow).isGreaterThan(50L);
    }

    @Test
    void twoThreadsSplitAFirstLayerOfTwoKernelBlocksByUnitsWhenItsUpdateIsFused() throws IOException {
        String split = generate(NetworkSource.network("Split", 784, "SOFTMAX_CROSS_ENTROPY").maxBatch(128)
                .dense("hidden", 128, "RELU").dense("logits", 10, "IDENTITY"));
        assertThat(split).contains("run(FIRST_LAYER_BY_UNITS);");
        assertThat(split).contains("hiddenForwardUnits(stepX, n, inputRowsOf(part), part);");
        assertThat(split).contains("hiddenWeightGradientUnits(n, inputRowsOf(part), part, scratch, update);");
        // Every job resets the chunks that the parts take first come, first served.
        assertThat(split).contains("unitChunks.reset();");
        // The forward pass: four blocks of 32 units (two vectors of 16 lanes, or four of 8).
        assertThat(split).contains("(block = unitChunks.next(part, taken, 4)) >= 0");
        assertThat(split).contains("Simd.kernels().forward(rows, hiddenW, hiddenB, hiddenZ, 0, n, 784, 128, block * 32, block * 32 + 32);");
        // The weight gradient: five chunks of rows of each half of the units.
        assertThat(split).contains("(chunk = unitChunks.next(part, taken, 10)) >= 0");
        assertThat(split).contains("int k0 = chunk % 5 * 192;");
        assertThat(split).contains("int j0 = chunk < 5 ? 0 : 64;");
        assertThat(split).contains("Simd.kernels().weightGradient(rows, hiddenDZ, hiddenW, hiddenDW, n, k0, k1, 128, j0, j1, learningRate, update, scratch);");

        // A width that is no multiple of the block: the last block ends at the last unit, the halves split on a block.
        String uneven = generate(NetworkSource.network("Uneven", 100, "SOFTMAX_CROSS_ENTROPY").maxBatch(32)
                .dense("hidden", 100, "RELU").dense("logits", 10, "IDENTITY"));
        assertThat(uneven).contains("(block = unitChunks.next(part, taken, 4)) >= 0");
        assertThat(uneven).contains("block * 32, Math.min(block * 32 + 32, 100));");
        assertThat(uneven).contains("int j0 = chunk == 0 ? 0 : 32;");
        assertThat(uneven).contains("int j1 = chunk == 0 ? 32 : 100;");

        // Fewer than two blocks: one part takes the whole layer, the samples are split instead.
        String narrow = generate(NetworkSource.network("Narrow", 784, "SOFTMAX_CROSS_ENTROPY").maxBatch(128)
                .dense("hidden", 48, "RELU").dense("logits", 10, "IDENTITY"));
        assertThat(narrow).doesNotContain("FIRST_LAYER_BY_UNITS");
        String clipped = generate(NetworkSource.network("Clipped", 784, "SOFTMAX_CROSS_ENTROPY").maxBatch(128).clipNorm(1)
                .dense("hidden", 128, "RELU").dense("logits", 10, "IDENTITY"));
        assertThat(clipped).doesNotContain("FIRST_LAYER_BY_UNITS");
    }

    /**
     * One prediction on two threads: a first layer split by units that takes one sample through the
     * kernels gives each thread the same half of its units every time, and only while the helper is
     * awake; a narrower first layer predicts on the calling thread alone.
     */
    @Test
    void twoAwakeThreadsShareOneSamplesFirstLayerWhenItTakesTheKernels() throws IOException {
        String shared = generate(NetworkSource.network("Shared", 784, "SOFTMAX_CROSS_ENTROPY").maxBatch(128)
                .dense("hidden", 128, "RELU").dense("logits", 10, "IDENTITY"));
        assertThat(shared).contains("if (team.runIfAwake(SAMPLE_FIRST_LAYER)) {");
        assertThat(shared).contains("hiddenForwardHalf(stepX, inputRowsOf(part), part);");
        assertThat(shared).contains(
                "Simd.kernels().forward(rows, hiddenW, hiddenB, hiddenZ, 0, 1, 784, 128, part == 0 ? 0 : 64, part == 0 ? 64 : 128);");
        assertEquals(2, count(shared, "forwardSample(x);"), "predict and classify");

        String narrower = generate(NetworkSource.network("Narrower", 784, "SOFTMAX_CROSS_ENTROPY").maxBatch(128)
                .dense("hidden", 112, "RELU").dense("logits", 10, "IDENTITY"));
        assertThat(narrower).contains("FIRST_LAYER_BY_UNITS");
        assertThat(narrower).doesNotContain("SAMPLE_FIRST_LAYER");
        assertThat(narrower).doesNotContain("forwardSample");
    }
}
