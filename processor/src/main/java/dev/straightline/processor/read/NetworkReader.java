package dev.straightline.processor.read;

import dev.straightline.processor.Diagnostics;
import dev.straightline.processor.Message;
import dev.straightline.processor.Site;
import dev.straightline.processor.model.Activation;
import dev.straightline.processor.model.ActivationKind;
import dev.straightline.processor.model.DenseLayer;
import dev.straightline.processor.model.InitKind;
import dev.straightline.processor.model.LayerModel;
import dev.straightline.processor.model.LossKind;
import dev.straightline.processor.model.NetworkModel;
import dev.straightline.processor.model.PrecisionKind;
import dev.straightline.processor.model.Optimizer;
import dev.straightline.processor.model.OptimizerKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads a @Network type into a {@link NetworkModel}. Mistakes that concern the Java shape of the
 * type (its kind, modifiers, constructor, layer method signatures) are reported here; mistakes in
 * the network's settings are left to the checks, which see only the model.
 */
public final class NetworkReader {
    private final Elements elements;
    private final Annotations annotations;

    public NetworkReader(Elements elements) {
        this.elements = elements;
        this.annotations = new Annotations(elements);
    }

    /** The name of the class generated for {@code type}: {@code Outer_InnerNet} for {@code Outer.Inner}. */
    public static String generatedName(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement outer; e = e.getEnclosingElement()) {
            name.insert(0, outer.getSimpleName() + "_");
        }
        return name.append("Net").toString();
    }

    /** The model of {@code type}, or {@code null} when it cannot be built; problems go to {@code diagnostics}. */
    public NetworkModel read(TypeElement type, Diagnostics diagnostics) {
        AnnotationMirror network = Annotations.find(type, Annotations.NETWORK);
        Site site = Site.of(type, network);
        String generatedName = generatedName(type);
        if (!checkTypeShape(type, site, generatedName, diagnostics)) {
            return null;
        }
        Integer inputs = annotations.intValue(network, "inputs");
        Integer maxBatch = annotations.intValue(network, "maxBatch");
        Long seed = annotations.longValue(network, "seed");
        Boolean straightLine = annotations.booleanValue(network, "straightLine");
        Double clip = annotations.doubleValue(network, "gradientClipNorm");
        Double l2 = annotations.doubleValue(network, "l2");
        LossKind loss = annotations.enumValue(network, "loss", LossKind.class);
        PrecisionKind precision = annotations.enumValue(network, "precision", PrecisionKind.class);
        List<LayerModel> layers = readLayers(type, diagnostics);
        checkInheritedLayers(type, diagnostics);
        if (layers.isEmpty() && !diagnostics.hasErrors()) {
            diagnostics.error(site, Message.NO_LAYERS, type.getSimpleName());
        }
        Optimizer optimizer = readOptimizer(type, diagnostics);
        if (inputs == null || maxBatch == null || seed == null || straightLine == null || clip == null || l2 == null || loss == null
                || precision == null || diagnostics.hasErrors()) {
            return null; // javac has reported the unreadable values; the rest was reported above
        }
        return new NetworkModel(packageOf(type), userTypeName(type), generatedName,
                type.getKind() == ElementKind.INTERFACE, inputs, maxBatch, precision, seed, straightLine, clip, l2, loss,
                optimizer, layers, site);
    }

    private boolean checkTypeShape(TypeElement type, Site site, String generatedName, Diagnostics diagnostics) {
        String name = type.getSimpleName().toString();
        ElementKind kind = type.getKind();
        if (kind != ElementKind.CLASS && kind != ElementKind.INTERFACE) {
            diagnostics.error(site, Message.WRONG_KIND, name, describe(kind));
            return false;
        }
        boolean ok = true;
        if (kind == ElementKind.CLASS) {
            if (type.getModifiers().contains(Modifier.FINAL)) {
                diagnostics.error(site, Message.FINAL_CLASS, name, generatedName);
                ok = false;
            } else if (!type.getModifiers().contains(Modifier.ABSTRACT)) {
                diagnostics.error(site, Message.NOT_ABSTRACT, name, generatedName);
                ok = false;
            }
            if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
                diagnostics.error(site, Message.INNER_CLASS, name, generatedName);
                ok = false;
            }
            if (!hasUsableConstructor(type)) {
                diagnostics.error(site, Message.NO_CONSTRUCTOR, name, generatedName);
                ok = false;
            }
        }
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                diagnostics.error(site, Message.PRIVATE_TYPE, name, generatedName);
                ok = false;
                break;
            }
        }
        if (!type.getTypeParameters().isEmpty()) {
            diagnostics.error(site, Message.GENERIC_TYPE, name);
            ok = false;
        }
        // Looked up in the type's own module: a search of every module costs a cold javac tens of milliseconds.
        TypeElement existing = elements.getTypeElement(elements.getModuleOf(type), qualified(packageOf(type), generatedName));
        if (existing != null && Annotations.find(existing, Annotations.GENERATED) == null) {
            diagnostics.error(site, Message.GENERATED_NAME_TAKEN, generatedName, name);
            ok = false;
        }
        return ok;
    }

    private static boolean hasUsableConstructor(TypeElement type) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty() && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }

    private List<LayerModel> readLayers(TypeElement type, Diagnostics diagnostics) {
        List<LayerModel> layers = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            AnnotationMirror dense = Annotations.find(method, Annotations.DENSE);
            if (dense != null && checkLayerMethod(method, dense, diagnostics)) {
                DenseLayer layer = readDense(method, dense);
                if (layer != null) {
                    layers.add(layer);
                }
            }
            AnnotationMirror dropout = Annotations.find(method, Annotations.DROPOUT);
            if (dropout != null && checkLayerMethod(method, dropout, diagnostics)) {
                readDropout(method, dropout, layers, diagnostics);
            }
        }
        return layers;
    }

    private boolean checkLayerMethod(ExecutableElement method, AnnotationMirror dense, Diagnostics diagnostics) {
        Site site = Site.of(method, dense);
        String name = method.getSimpleName() + "()";
        boolean ok = true;
        if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
            diagnostics.error(site, Message.LAYER_NOT_ABSTRACT, name);
            ok = false;
        }
        if (!method.getParameters().isEmpty()) {
            diagnostics.error(site, Message.LAYER_PARAMETERS, method.getSimpleName() + "(...)");
            ok = false;
        }
        if (!method.getTypeParameters().isEmpty()) {
            diagnostics.error(site, Message.LAYER_GENERIC, name);
            ok = false;
        }
        TypeMirror returned = method.getReturnType();
        if (returned.getKind() == TypeKind.ERROR) {
            return false; // javac reports the unknown type
        }
        if (!isLayerType(returned)) {
            diagnostics.error(site, Message.LAYER_RETURN_TYPE, name, returned);
            ok = false;
        }
        return ok;
    }

    private static boolean isLayerType(TypeMirror type) {
        return type instanceof DeclaredType declared
                && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(Annotations.LAYER);
    }

    /** Folds a {@code @Dropout} layer into the dense layer declared before it. */
    private void readDropout(ExecutableElement method, AnnotationMirror dropout, List<LayerModel> layers, Diagnostics diagnostics) {
        Site site = Site.of(method, dropout);
        String name = method.getSimpleName().toString();
        Double rate = annotations.doubleValue(dropout, "value");
        if (rate == null) {
            return;
        }
        if (Annotations.find(method, Annotations.DENSE) != null) {
            diagnostics.error(site, Message.DROPOUT_AND_DENSE, name + "()");
            return;
        }
        if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof DenseLayer previous)) {
            diagnostics.error(site, Message.DROPOUT_FIRST, name);
            return;
        }
        if (previous.dropout() != 0) {
            diagnostics.error(site, Message.DROPOUT_TWICE, name, previous.name());
            return;
        }
        layers.set(layers.size() - 1, previous.withDropoutLayer(rate, name, site.attribute("value")));
    }

    private DenseLayer readDense(ExecutableElement method, AnnotationMirror dense) {
        Integer units = annotations.intValue(dense, "units");
        ActivationKind activation = annotations.enumValue(dense, "activation", ActivationKind.class);
        Double alpha = annotations.doubleValue(dense, "alpha");
        InitKind init = annotations.enumValue(dense, "init", InitKind.class);
        Boolean bias = annotations.booleanValue(dense, "bias");
        Double dropout = annotations.doubleValue(dense, "dropout");
        if (units == null || activation == null || alpha == null || init == null || bias == null || dropout == null) {
            return null;
        }
        Activation resolved = alpha.isNaN() ? Activation.of(activation) : new Activation(activation, alpha);
        return new DenseLayer(method.getSimpleName().toString(), units, resolved, init, bias, dropout, Site.of(method, dense),
                null, null);
    }

    private void checkInheritedLayers(TypeElement type, Diagnostics diagnostics) {
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (method.getEnclosingElement() != type && Annotations.find(method, Annotations.DENSE) != null) {
                diagnostics.error(Site.of(type, Annotations.find(type, Annotations.NETWORK)), Message.INHERITED_LAYER,
                        method.getSimpleName() + "()", method.getEnclosingElement().getSimpleName(), type.getSimpleName());
            }
        }
    }

    /** The one optimizer annotation on {@code type}; more than one is an error on the second. */
    private Optimizer readOptimizer(TypeElement type, Diagnostics diagnostics) {
        Optimizer found = null;
        for (OptimizerKind kind : OptimizerKind.values()) {
            AnnotationMirror mirror = Annotations.find(type, kind.qualifiedAnnotation());
            if (mirror == null) {
                continue;
            }
            if (found != null) {
                diagnostics.error(Site.of(type, mirror), Message.TWO_OPTIMIZERS, type.getSimpleName(),
                        found.kind().annotation(), kind.annotation());
                continue;
            }
            found = new Optimizer(kind, number(mirror, "learningRate"), number(mirror, "momentum"),
                    Boolean.TRUE.equals(annotations.booleanValue(mirror, "nesterov")), number(mirror, "rho"),
                    number(mirror, "beta1"), number(mirror, "beta2"), number(mirror, "epsilon"),
                    number(mirror, "weightDecay"), Site.of(type, mirror));
        }
        return found;
    }

    /** A double attribute, or NaN when the annotation has none. */
    private double number(AnnotationMirror mirror, String name) {
        Double value = annotations.doubleValue(mirror, name);
        return value == null ? Double.NaN : value;
    }

    private String packageOf(TypeElement type) {
        PackageElement pkg = elements.getPackageOf(type);
        return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    }

    private String userTypeName(TypeElement type) {
        String qualifiedName = type.getQualifiedName().toString();
        String pkg = packageOf(type);
        return pkg.isEmpty() ? qualifiedName : qualifiedName.substring(pkg.length() + 1);
    }

    private static String qualified(String pkg, String simple) {
        return pkg.isEmpty() ? simple : pkg + "." + simple;
    }

    private static String describe(ElementKind kind) {
        switch (kind) {
            case ENUM: return "an enum";
            case ANNOTATION_TYPE: return "an annotation type";
            default: return "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
