package dev.straightline.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
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

    @Test
    void tinyLayersAreStraightLineUnlessLoopsAreAskedFor() throws IOException {
        String tiny = generate(NetworkSource.network("Tiny", 4, "SOFTMAX_CROSS_ENTROPY")
                .dense("hidden", 8, "TANH").dense("logits", 3, "IDENTITY"));
        assertThat(tiny).contains("z[7] = b7 + x0 * w0_7 + x1 * w1_7 + x2 * w2_7 + x3 * w3_7;");
        String wide = generate(mlp());
        assertThat(wide).doesNotContain("the sums written out");
    }

    @Test
    void theSourceGrowsWithTheLayersNotWithTheirWidths() throws IOException {
        long narrow = generate(NetworkSource.network("Narrow", 16, "MEAN_SQUARED_ERROR").maxBatch(4)
                .dense("first", 16, "TANH").dense("second", 16, "IDENTITY")).lines().count();
        long wide = generate(NetworkSource.network("Narrow", 4096, "MEAN_SQUARED_ERROR").maxBatch(4)
                .dense("first", 1024, "TANH").dense("second", 1024, "IDENTITY")).lines().count();
        long deeper = generate(NetworkSource.network("Narrow", 16, "MEAN_SQUARED_ERROR").maxBatch(4)
                .dense("first", 16, "TANH").dense("second", 16, "TANH").dense("third", 16, "IDENTITY")).lines().count();
        assertEquals(narrow, wide, "lines of a 16-16-16 and a 4096-1024-1024 network");
        assertThat(deeper - narrow).isGreaterThan(50L);
    }
}
