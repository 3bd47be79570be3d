package dev.straightline.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layers' generated loops take the forms C2 vectorizes ({@code anchors/jvm-limits.md}, issue 3):
 * every innermost loop indexes arrays by its bare variable or by values it does not change, and none
 * sums into a scalar, a float reduction that C2 keeps in order, one add at a time (the dot products
 * that need one run in the vector kernels, {@code DenseKernels.inputGradient}).
 */
class LoopFormTest {
    /**
     * Methods outside the layers, checked by neither rule: the losses and the softmax of a prediction
     * sum over one row of outputs, {@code meanLoss} adds the parts' sums, {@code penalty} and
     * {@code clipGradient} take a norm once per step, and {@code stage} and {@code writePredictions}
     * copy between the caller's flat arrays, at each sample's offset, and the rows.
     */
    private static final Set<String> OUTSIDE_THE_LAYERS = Set.of("softmaxCrossEntropy", "binaryCrossEntropy",
            "meanSquaredError", "meanLoss", "penalty", "clipGradient", "stage", "writePredictions");

    static Stream<NetworkSource> networks() {
        NetworkSource tower = NetworkSource.network("Tower", 32, "SOFTMAX_CROSS_ENTROPY").clipNorm(1);
        for (int i = 0; i < 9; i++) {
            tower.dense("hidden" + i, 64, "RELU");
        }
        return Stream.of(
                NetworkSource.network("M1", 784, "SOFTMAX_CROSS_ENTROPY").dense("hidden", 128, "RELU").dense("logits", 10, "IDENTITY"),
                NetworkSource.network("M2", 784, "SOFTMAX_CROSS_ENTROPY").maxBatch(128)
                        .dense("first", 256, "RELU").dense("second", 128, "RELU").dense("logits", 10, "IDENTITY"),
                NetworkSource.network("Odd", 23, "SOFTMAX_CROSS_ENTROPY")
                        .dense("first", 37, "RELU").dense("second", 19, "TANH").dense("logits", 4, "IDENTITY"),
                NetworkSource.network("OddExact", 23, "SOFTMAX_CROSS_ENTROPY").precision("DOUBLE")
                        .dense("first", 37, "RELU").dense("second", 19, "TANH").dense("logits", 4, "IDENTITY"),
                NetworkSource.network("Wide", 64, "SOFTMAX_CROSS_ENTROPY").dense("hidden", 1024, "RELU").dense("logits", 10, "IDENTITY"),
                NetworkSource.network("AdamDropout", 40, "SOFTMAX_CROSS_ENTROPY").optimizer("@Adam(learningRate = 0.01)")
                        .dense("hidden", 50, "SIGMOID", "dropout = 0.2").dense("logits", 3, "IDENTITY"),
                NetworkSource.network("Logistic", 6, "BINARY_CROSS_ENTROPY").dense("hidden", 24, "RELU").dense("output", 1, "IDENTITY"),
                NetworkSource.network("Regression", 13, "MEAN_SQUARED_ERROR").l2(0.001)
                        .dense("hidden", 20, "TANH").dense("output", 1, "IDENTITY"),
                NetworkSource.network("TinyLoops", 4, "SOFTMAX_CROSS_ENTROPY").loops()
                        .dense("hidden", 8, "TANH").dense("logits", 3, "IDENTITY"),
                tower.dense("logits", 10, "IDENTITY"));
    }

    @ParameterizedTest
    @MethodSource("networks")
    void everyInnermostLoopIndexesArraysByItsBareVariable(NetworkSource network) throws IOException {
        List<String> found = new ArrayList<>();
        for (InnermostLoop loop : innermostLoops(network)) {
            for (ArrayAccessTree access : loop.accesses) {
                ExpressionTree index = access.getIndex();
                boolean bare = index instanceof IdentifierTree && ((IdentifierTree) index).getName().contentEquals(loop.variable);
                if (!bare && mentions(index, loop.variable)) {
                    found.add(loop.method + ": " + access);
                }
            }
        }
        assertWithMessage("array indices of %s that move with the loop but are not its variable", network.generatedClassName())
                .that(found).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("networks")
    void noInnermostLoopSumsIntoAScalar(NetworkSource network) throws IOException {
        List<String> found = new ArrayList<>();
        for (InnermostLoop loop : innermostLoops(network)) {
            found.addAll(loop.reductions);
        }
        assertWithMessage("reductions in the innermost loops of %s", network.generatedClassName()).that(found).isEmpty();
    }

    /** An innermost loop of the generated class: its method, its variable, its array reads and writes, its scalar sums. */
    private record InnermostLoop(String method, String variable, List<ArrayAccessTree> accesses, List<String> reductions) {}

    private static List<InnermostLoop> innermostLoops(NetworkSource network) throws IOException {
        Compilation compilation = InMemoryCompiler.compile(network.file());
        assertThat(compilation.errors()).isEmpty();
        JavaFileObject generated = compilation.generatedSourceFile(network.generatedClassName()).orElseThrow();
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null, null, List.of(), null,
                List.of(JavaFileObjects.forSourceString(network.generatedClassName(), generated.getCharContent(false).toString())));
        List<InnermostLoop> loops = new ArrayList<>();
        for (CompilationUnitTree unit : task.parse()) {
            new TreeScanner<Void, String>() {
                @Override
                public Void visitMethod(MethodTree method, String unused) {
                    return super.visitMethod(method, method.getName().toString());
                }

                @Override
                public Void visitForLoop(ForLoopTree loop, String method) {
                    if (!OUTSIDE_THE_LAYERS.contains(method) && !containsLoop(loop.getStatement()) && loop.getInitializer().size() == 1
                            && loop.getInitializer().get(0) instanceof VariableTree) {
                        loops.add(describe(method, ((VariableTree) loop.getInitializer().get(0)).getName().toString(),
                                loop.getStatement()));
                    }
                    return super.visitForLoop(loop, method);
                }
            }.scan(unit, null);
        }
        assertWithMessage("loops found in %s", network.generatedClassName()).that(loops).isNotEmpty();
        return loops;
    }

    private static InnermostLoop describe(String method, String variable, StatementTree body) {
        List<ArrayAccessTree> accesses = new ArrayList<>();
        List<String> reductions = new ArrayList<>();
        Set<String> declaredInside = new HashSet<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree declaration, Void unused) {
                declaredInside.add(declaration.getName().toString());
                return super.visitVariable(declaration, null);
            }

            @Override
            public Void visitArrayAccess(ArrayAccessTree access, Void unused) {
                accesses.add(access);
                return super.visitArrayAccess(access, null);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree assignment, Void unused) {
                if (assignment.getVariable() instanceof IdentifierTree
                        && !declaredInside.contains(assignment.getVariable().toString())) {
                    reductions.add(method + ": " + assignment);
                }
                return super.visitCompoundAssignment(assignment, null);
            }

            @Override
            public Void visitAssignment(AssignmentTree assignment, Void unused) {
                if (assignment.getVariable() instanceof IdentifierTree
                        && !declaredInside.contains(assignment.getVariable().toString())
                        && mentions(assignment.getExpression(), assignment.getVariable().toString())) {
                    reductions.add(method + ": " + assignment);
                }
                return super.visitAssignment(assignment, null);
            }
        }.scan(body, null);
        return new InnermostLoop(method, variable, accesses, reductions);
    }

    private static boolean containsLoop(Tree tree) {
        boolean[] found = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitForLoop(ForLoopTree loop, Void unused) {
                found[0] = true;
                return null;
            }

            @Override
            public Void visitWhileLoop(WhileLoopTree loop, Void unused) {
                found[0] = true;
                return null;
            }

            @Override
            public Void visitDoWhileLoop(DoWhileLoopTree loop, Void unused) {
                found[0] = true;
                return null;
            }
        }.scan(tree, null);
        return found[0];
    }

    private static boolean mentions(Tree tree, String name) {
        boolean[] found = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree identifier, Void unused) {
                found[0] |= identifier.getName().contentEquals(name);
                return null;
            }
        }.scan(tree, null);
        return found[0];
    }
}
