package dev.straightline.processor.emit;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import dev.straightline.processor.model.DenseLayer;
import dev.straightline.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layers of one shape run the same loops on different arrays, so they share one method per kind of
 * kernel, which takes the arrays as parameters ({@code dense64x64ReluForward(X, W, b, Z, H, from, to)}).
 * The generated source, javac's work and the JIT's work then grow with the number of distinct
 * layers, not with the depth of the network. A layer unlike every other keeps its own method,
 * which reads its fields.
 *
 * <p>Two layers share a kernel when everything the emitters read besides names is equal: the
 * shape, activation, bias, dropout, the precision and batch of the network, whether the layer is
 * the first, and whether the layer before it drops out. A layer with dropout draws its masks from
 * a stream of its own and is never shared.
 */
final class SharedKernels {
    /** The per-layer methods that layers can share. */
    enum Kind {
        FORWARD("Forward"),
        BACKWARD("Backward"),
        WEIGHT_GRADIENT("WeightGradient"),
        TRANSPOSE("Transpose"),
        WEIGHT_UPDATE("UpdateWeights");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        /** The name of the method the layer has when it shares none: {@code hiddenForward}. */
        String ownName(DenseEmitter layer) {
            switch (this) {
                case FORWARD: return layer.forwardName();
                case BACKWARD: return layer.backwardName();
                case WEIGHT_GRADIENT: return layer.weightGradientName();
                case TRANSPOSE: return layer.transposeName();
                case WEIGHT_UPDATE: return layer.weightUpdateName();
                default: throw new IllegalArgumentException(name());
            }
        }
    }

    /** A kernel shared by {@code layers}: its name, and which of {@link #arraysOf} it takes, in order. */
    private static final class Shared {
        final String name;
        final List<DenseEmitter> layers = new ArrayList<>();
        /** Positions in {@link #arraysOf}; set with {@link #method}, when the kernel is first needed. */
        List<Integer> arrays;
        MethodSpec method;

        Shared(String name) {
            this.name = name;
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*");
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");

    private final OptimizerEmitter optimizer;
    private final Numeric numeric;
    /** Per layer (by position), the shared kernel of each kind it calls; absent when it has its own method. */
    private final Map<Integer, Map<Kind, Shared>> calls = new HashMap<>();

    SharedKernels(List<DenseEmitter> layers, OptimizerEmitter optimizer, Numeric numeric) {
        this.optimizer = optimizer;
        this.numeric = numeric;
        Map<String, List<DenseEmitter>> groups = new LinkedHashMap<>();
        for (DenseEmitter layer : layers) {
            groups.computeIfAbsent(shapeKey(layer.plan()), key -> new ArrayList<>()).add(layer);
        }
        Set<String> names = new HashSet<>();
        for (DenseEmitter layer : layers) {
            for (Kind kind : Kind.values()) {
                names.add(kind.ownName(layer));
            }
        }
        for (List<DenseEmitter> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (Kind kind : Kind.values()) {
                Shared shared = new Shared(uniqueName(names, baseName(group.get(0).plan(), kind)));
                shared.layers.addAll(group);
                for (DenseEmitter layer : group) {
                    calls.computeIfAbsent(layer.plan().index(), index -> new HashMap<>()).put(kind, shared);
                }
            }
        }
    }

    /**
     * The start of a call of the {@code kind} method of {@code layer}, up to its own arguments:
     * {@code hiddenForward(}, or {@code dense64x64ReluForward(h1H, h2W, h2B, h2Z, h2H, }.
     */
    String open(DenseEmitter layer, Kind kind) {
        Shared shared = shared(layer, kind);
        if (shared == null) {
            return kind.ownName(layer) + "(";
        }
        List<Array> fields = arraysOf(layer.plan());
        StringBuilder call = new StringBuilder(shared.name).append('(');
        for (int position : kernel(shared, kind).arrays) {
            call.append(fields.get(position).name()).append(", ");
        }
        return call.toString();
    }

    /**
     * The method of {@code kind} to add to the class for {@code layer}: its own, the shared kernel
     * for the first layer that calls it, and none for the others.
     */
    List<MethodSpec> methodFor(DenseEmitter layer, Kind kind) {
        Shared shared = shared(layer, kind);
        if (shared == null) {
            return List.of(method(layer, kind));
        }
        return shared.layers.get(0) == layer ? List.of(kernel(shared, kind).method) : List.of();
    }

    private Shared shared(DenseEmitter layer, Kind kind) {
        Map<Kind, Shared> kinds = calls.get(layer.plan().index());
        return kinds == null ? null : kinds.get(kind);
    }

    /**
     * The shared kernel, written once from the first layer's generic emitter, whose code names
     * arrays as the math does; it takes as parameters the arrays that code reads.
     */
    private Shared kernel(Shared shared, Kind kind) {
        if (shared.method != null) {
            return shared;
        }
        DenseEmitter generic = shared.layers.get(0).generic();
        MethodSpec method = method(generic, kind);
        Set<String> used = identifiers(method.code().toString());
        List<Integer> arrays = new ArrayList<>();
        List<ParameterSpec> parameters = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        List<Array> generics = arraysOf(generic.plan());
        for (int position = 0; position < generics.size(); position++) {
            Array array = generics.get(position);
            if (array != null && used.contains(array.name()) && taken.add(array.name())) {
                arrays.add(position);
                parameters.add(ParameterSpec.builder(array.vector() ? numeric.vector() : numeric.matrix(), array.name()).build());
            }
        }
        parameters.addAll(method.parameters());
        StringBuilder users = new StringBuilder();
        for (DenseEmitter layer : shared.layers) {
            users.append(users.length() == 0 ? "" : ", ").append(layer.plan().name());
        }
        shared.arrays = arrays;
        shared.method = MethodSpec.methodBuilder(shared.name)
                .addJavadoc(method.javadoc())
                .addJavadoc("Shared by the layers of this shape: $L.\n", users)
                .addModifiers(method.modifiers())
                .addParameters(parameters)
                .addCode(method.code())
                .build();
        return shared;
    }

    private MethodSpec method(DenseEmitter layer, Kind kind) {
        switch (kind) {
            case FORWARD: return layer.forward();
            case BACKWARD: return layer.backward();
            case WEIGHT_GRADIENT: return layer.weightGradient(optimizer);
            case TRANSPOSE: return layer.transpose();
            case WEIGHT_UPDATE: return layer.weightUpdate(optimizer);
            default: throw new IllegalArgumentException(kind.name());
        }
    }

    /** A field a kernel may read, by name, and whether it is a vector rather than one row per input or sample. */
    private record Array(String name, boolean vector) {}

    /**
     * The arrays a kernel may read, in the order kernels take them: the previous layer's rows, the
     * parameters, this layer's rows and gradients, the optimizer's state; {@code null} where the
     * layer has no such array. Layers of one shape, and their generic emitter, have arrays at the
     * same positions, so a kernel's parameters are positions in this list.
     */
    private List<Array> arraysOf(LayerPlan plan) {
        List<Array> arrays = new ArrayList<>();
        LayerPlan previous = plan.previous();
        arrays.add(previous == null ? null : new Array(previous.out(), false));
        arrays.add(previous == null || !previous.hasDropout() ? null : new Array(previous.dropped(), false));
        arrays.add(new Array(plan.weights(), false));
        arrays.add(plan.hasBias() ? new Array(plan.bias(), true) : null);
        arrays.add(new Array(plan.weightGrad(), false));
        arrays.add(plan.hasBias() ? new Array(plan.biasGrad(), true) : null);
        arrays.add(new Array(plan.pre(), false));
        arrays.add(new Array(plan.out(), false));
        arrays.add(new Array(plan.outGrad(), false));
        arrays.add(new Array(plan.preGrad(), false));
        arrays.add(plan.weightsT() == null ? null : new Array(plan.weightsT(), false));
        arrays.add(previous == null ? null : new Array(previous.outGrad(), false));
        for (OptimizerEmitter.State state : optimizer.states()) {
            arrays.add(new Array(plan.weights() + state.suffix(), false));
            arrays.add(plan.hasBias() ? new Array(plan.bias() + state.suffix(), true) : null);
        }
        return arrays;
    }

    /** Every identifier the code names, outside comments and member selections. */
    private static Set<String> identifiers(String code) {
        Set<String> names = new HashSet<>();
        Matcher matcher = IDENTIFIER.matcher(LINE_COMMENT.matcher(code).replaceAll(""));
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /**
     * What the emitters read of a layer besides names: two layers with equal keys get the same code
     * from their generic emitters. (A string: records' equals and hashCode would cost a cold javac
     * their bootstrap.)
     */
    private static String shapeKey(LayerPlan plan) {
        DenseLayer layer = plan.layer();
        LayerPlan previous = plan.previous();
        return new StringBuilder().append(plan.inputs()).append(' ').append(layer.units()).append(' ')
                .append(layer.activation().describe()).append(' ').append(layer.bias()).append(' ').append(layer.dropout())
                .append(' ').append(plan.hasDropout() ? plan.index() : -1).append(' ').append(previous == null).append(' ')
                .append(previous != null && previous.hasDropout()).append(' ').append(plan.weightsT() != null).append(' ')
                .append(plan.out().equals(plan.pre()))
                .toString();
    }

    /** {@code dense64x64ReluForward}, {@code dense64x10IdentityNoBiasBackward}. */
    private static String baseName(LayerPlan plan, Kind kind) {
        StringBuilder name = new StringBuilder("dense").append(plan.inputs()).append('x').append(plan.units());
        for (String word : plan.layer().activation().kind().name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.append(plan.hasBias() ? "" : "NoBias").append(kind.suffix).toString();
    }

    /** The name itself, or with a number when another group of layers took it (activations that differ in α). */
    private static String uniqueName(Set<String> taken, String name) {
        String unique = name;
        for (int n = 2; !taken.add(unique); n++) {
            unique = name + n;
        }
        return unique;
    }
}
