package dev.straightline.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.straightline.processor.check.ModelChecks;
import dev.straightline.processor.emit.NetworkWriter;
import dev.straightline.processor.model.NetworkModel;
import dev.straightline.processor.plan.MemoryPlan;
import dev.straightline.processor.read.Annotations;
import dev.straightline.processor.read.NetworkReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Writes a class for every type annotated {@code @Network}, in four steps: read the type into a
 * model, check the model, plan its memory, emit the source. Every problem becomes a message on
 * the element it concerns; a bug in the processor becomes one error on the annotated type,
 * never a javac crash.
 */
@AutoService(Processor.class)
public final class NetworkProcessor extends AbstractProcessor {

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> types = new java.util.HashSet<>(Annotations.OPTIMIZERS);
        types.addAll(Set.of(Annotations.NETWORK, Annotations.DENSE, Annotations.DROPOUT, Annotations.GENERATED));
        return Set.copyOf(types);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        // The annotation types come from the round, not from Elements.getTypeElement(name): that
        // searches every module, which costs a cold javac tens of milliseconds per name.
        Map<String, TypeElement> present = new HashMap<>();
        for (TypeElement annotation : annotations) {
            present.put(annotation.getQualifiedName().toString(), annotation);
        }
        TypeElement network = present.get(Annotations.NETWORK);
        if (network != null) {
            for (Element element : round.getElementsAnnotatedWith(network)) {
                generate((TypeElement) element);
            }
        }
        reportStrayAnnotations(round, present);
        return true; // the annotations are Straightline's own: claiming them keeps -Xlint:processing quiet
    }

    private void generate(TypeElement type) {
        Diagnostics diagnostics = new Diagnostics();
        Elements elements = processingEnv.getElementUtils();
        try {
            NetworkModel model = new NetworkReader(elements).read(type, diagnostics);
            if (model != null) {
                ModelChecks.run(model, diagnostics);
            }
            MemoryPlan plan = model == null || diagnostics.hasErrors() ? null : MemoryPlan.of(model, diagnostics);
            if (plan != null) {
                NetworkWriter writer = new NetworkWriter(model, plan);
                TypeSpec generated = writer.type();
                new ApiCheck(elements).check(type, generated, diagnostics);
                if (!diagnostics.hasErrors()) {
                    write(writer, generated, type, diagnostics);
                }
            }
        } catch (Throwable bug) {
            StringWriter trace = new StringWriter();
            bug.printStackTrace(new PrintWriter(trace));
            diagnostics.error(Site.of(type), Message.INTERNAL_ERROR, type.getQualifiedName(), trace);
        }
        diagnostics.printTo(processingEnv.getMessager());
    }

    private void write(NetworkWriter writer, TypeSpec generated, TypeElement type, Diagnostics diagnostics)
            throws IOException {
        try {
            // Rendered first and written in one piece: JavaPoet writes to a Filer character by
            // character, which costs a cold javac about 100 ms.
            JavaFile file = writer.file(generated);
            String source = file.toString();
            String name = file.packageName().isEmpty() ? generated.name() : file.packageName() + "." + generated.name();
            try (Writer out = processingEnv.getFiler().createSourceFile(name, type).openWriter()) {
                out.write(source);
            }
        } catch (FilerException taken) {
            // Another @Network type of this compilation maps to the same name (A_B and A.B both give A_BNet).
            diagnostics.error(Site.of(type, Annotations.find(type, Annotations.NETWORK)), Message.GENERATED_NAME_TAKEN,
                    generated.name(), type.getSimpleName());
        }
    }

    private void reportStrayAnnotations(RoundEnvironment round, Map<String, TypeElement> present) {
        Diagnostics diagnostics = new Diagnostics();
        for (String layer : List.of(Annotations.DENSE, Annotations.DROPOUT)) {
            TypeElement annotation = present.get(layer);
            if (annotation == null) {
                continue;
            }
            for (Element method : round.getElementsAnnotatedWith(annotation)) {
                Element owner = method.getEnclosingElement();
                if (Annotations.find(owner, Annotations.NETWORK) == null) {
                    diagnostics.error(Site.of(method, Annotations.find(method, layer)), Message.DENSE_OUTSIDE_NETWORK,
                            annotation.getSimpleName(), method.getSimpleName() + "()", owner.getSimpleName());
                }
            }
        }
        for (String name : Annotations.OPTIMIZERS) {
            TypeElement optimizer = present.get(name);
            if (optimizer == null) {
                continue;
            }
            for (Element type : round.getElementsAnnotatedWith(optimizer)) {
                if (Annotations.find(type, Annotations.NETWORK) == null) {
                    diagnostics.error(Site.of(type, Annotations.find(type, name)), Message.OPTIMIZER_OUTSIDE_NETWORK,
                            optimizer.getSimpleName(), type.getSimpleName(), type.getSimpleName());
                }
            }
        }
        diagnostics.printTo(processingEnv.getMessager());
    }
}
