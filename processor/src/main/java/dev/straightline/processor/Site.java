package dev.straightline.processor;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Where in the user's source a part of the model came from: an element, and optionally the
 * annotation and attribute value on it. Checks pass sites along without looking inside, so that
 * each message lands on the exact element or annotation value it is about.
 */
public final class Site {
    final Element element;
    final AnnotationMirror annotation;
    final AnnotationValue value;

    private Site(Element element, AnnotationMirror annotation, AnnotationValue value) {
        this.element = element;
        this.annotation = annotation;
        this.value = value;
    }

    public static Site of(Element element) {
        return new Site(element, null, null);
    }

    public static Site of(Element element, AnnotationMirror annotation) {
        return new Site(element, annotation, null);
    }

    /**
     * The site of one attribute of this site's annotation, when the user wrote it; otherwise
     * the annotation itself (a default value has no place in the source).
     */
    public Site attribute(String name) {
        if (annotation == null) {
            return this;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return new Site(element, annotation, entry.getValue());
            }
        }
        return this;
    }
}
