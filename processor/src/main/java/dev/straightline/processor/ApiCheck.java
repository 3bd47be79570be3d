package dev.straightline.processor;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.straightline.processor.read.Annotations;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Compares the user's type with the class about to be generated: every abstract method must be
 * implemented by it (a layer, or a method the generated class has anyway, such as {@code predict}),
 * and no layer may take the name of a generated method.
 */
final class ApiCheck {
    private final Elements elements;

    ApiCheck(Elements elements) {
        this.elements = elements;
    }

    void check(TypeElement type, TypeSpec generated, Diagnostics diagnostics) {
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            AnnotationMirror dense = Annotations.find(method, Annotations.DENSE);
            if (dense != null && method.getEnclosingElement().equals(type)) {
                checkLayerName(method, dense, generated, diagnostics);
            } else if (method.getModifiers().contains(Modifier.ABSTRACT) && dense == null
                    && !implementedBy(method, generated)) {
                Site site = method.getEnclosingElement().equals(type)
                        ? Site.of(method)
                        : Site.of(type, Annotations.find(type, Annotations.NETWORK));
                diagnostics.error(site, Message.UNIMPLEMENTED_METHOD, signature(method), generated.name());
            }
        }
    }

    private static void checkLayerName(ExecutableElement layer, AnnotationMirror dense, TypeSpec generated,
            Diagnostics diagnostics) {
        String name = layer.getSimpleName().toString();
        int sameName = 0;
        for (MethodSpec method : generated.methodSpecs()) {
            if (method.name().equals(name)) {
                sameName++;
            }
        }
        if (sameName > 1) {
            diagnostics.error(Site.of(layer, dense), Message.RESERVED_LAYER_NAME, name, generated.name(), name);
        }
    }

    private static boolean implementedBy(ExecutableElement method, TypeSpec generated) {
        List<TypeName> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(TypeName.get(parameter.asType()));
        }
        TypeName returned = TypeName.get(method.getReturnType());
        for (MethodSpec candidate : generated.methodSpecs()) {
            if (candidate.name().equals(method.getSimpleName().toString())
                    && candidate.modifiers().contains(Modifier.PUBLIC)
                    && returned.equals(candidate.returnType())
                    && parameters.equals(types(candidate.parameters()))) {
                return true;
            }
        }
        return false;
    }

    private static List<TypeName> types(List<ParameterSpec> parameters) {
        List<TypeName> types = new ArrayList<>();
        for (ParameterSpec parameter : parameters) {
            types.add(parameter.type());
        }
        return types;
    }

    private static String signature(ExecutableElement method) {
        List<String> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(parameter.asType().toString());
        }
        return method.getReturnType() + " " + method.getSimpleName() + "(" + String.join(", ", parameters) + ")";
    }
}
