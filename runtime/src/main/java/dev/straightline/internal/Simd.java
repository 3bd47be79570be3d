package dev.straightline.internal;

/**
 * Chooses, once, whether generated float networks use the Vector API kernels: when the JVM runs
 * with {@code --add-modules jdk.incubator.vector}, {@code -Dstraightline.simd=false} is not set, and
 * the CPU has 256-bit vectors (otherwise the Vector API would emulate them, slowly). The kernels take
 * 512-bit vectors where the CPU has them (AVX-512), unless {@code -Dstraightline.vectorBits=256}.
 * Generated code tests {@link #ENABLED}, a constant to the JIT, so the other path costs nothing.
 */
public final class Simd {
    /** Whether {@link #kernels()} is available. */
    public static final boolean ENABLED;
    private static final DenseKernels KERNELS;

    static {
        DenseKernels kernels = null;
        boolean wanted = !"false".equals(System.getProperty("straightline.simd"));
        if (wanted && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                kernels = (DenseKernels) Class.forName("dev.straightline.internal.vector.VectorKernels")
                        .getDeclaredConstructor().newInstance();
            } catch (java.lang.reflect.InvocationTargetException e) {
                System.getLogger(Simd.class.getName()).log(System.Logger.Level.WARNING,
                        "jdk.incubator.vector is present, but Straightline uses plain Java: " + e.getCause().getMessage());
            } catch (ReflectiveOperationException | LinkageError e) {
                System.getLogger(Simd.class.getName()).log(System.Logger.Level.WARNING,
                        "jdk.incubator.vector is present but Straightline's vector kernels could not load; using plain Java", e);
            }
        }
        KERNELS = kernels;
        ENABLED = kernels != null;
    }

    private Simd() {}

    /** The Vector API kernels; only when {@link #ENABLED}. */
    public static DenseKernels kernels() {
        return KERNELS;
    }
}
