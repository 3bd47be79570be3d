package dev.straightline.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks classes written by Straightline's processor. Kept in class files (unlike
 * {@code javax.annotation.processing.Generated}), so tools working on bytecode, such as coverage,
 * can recognise generated networks.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface StraightlineGenerated {
    /** The annotated type the class was generated from. */
    String from();
}
