package dev.straightline.internal;

/** Prints which path this JVM chose; run by {@link SimdChoiceTest} in JVMs started with different flags. */
public final class PrintSimd {
    private PrintSimd() {}

    public static void main(String[] args) {
        System.out.println("simd=" + Simd.ENABLED);
    }
}
