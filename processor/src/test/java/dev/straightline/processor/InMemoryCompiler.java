package dev.straightline.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.straightline.runtime.TrainableNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles user sources with the processor, in memory, and loads the generated networks. */
final class InMemoryCompiler {
    private InMemoryCompiler() {}

    /** Compiles with {@code -Xlint:all -Werror}, as a strict user build would. */
    static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac()
                .withProcessors(new NetworkProcessor())
                .withOptions("-Xlint:all", "-Werror")
                .compile(sources);
    }

    /** Compiles, requires success, and returns a loader for every class the compilation produced. */
    static ClassLoader compileAndLoad(List<JavaFileObject> sources) {
        Compilation compilation = compile(sources.toArray(new JavaFileObject[0]));
        assertWithMessage("compilation diagnostics: %s", errors(compilation))
                .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(), path.length() - 6)
                        .replace('/', '.');
                try (InputStream in = file.openInputStream()) {
                    classes.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    /** A new instance of a generated network, with weights drawn from {@code seed}. */
    static TrainableNetwork instantiate(ClassLoader loader, String generatedClass, long seed) {
        try {
            return (TrainableNetwork) loader.loadClass(generatedClass).getConstructor(long.class).newInstance(seed);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate " + generatedClass, e);
        }
    }

    private static String errors(Compilation compilation) {
        StringBuilder text = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            text.append('\n').append(d.getKind()).append(": ").append(d.getMessage(null));
        }
        return text.toString();
    }
}
