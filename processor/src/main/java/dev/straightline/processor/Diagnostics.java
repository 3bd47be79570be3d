package dev.straightline.processor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Collects the problems found in one @Network type, each on its site, so that a type is checked
 * completely and reported in one pass before anything is generated.
 */
public final class Diagnostics {
    private record Entry(Diagnostic.Kind kind, String text, Site site, String key) {}

    private final List<Entry> entries = new ArrayList<>();
    private int errors;

    /** Records an error at {@code site}. */
    public void error(Site site, Message message, Object... arguments) {
        entries.add(new Entry(Diagnostic.Kind.ERROR, message.format(arguments), site, message.key()));
        errors++;
    }

    /**
     * Records a warning at {@code site}, unless the site's element or one enclosing it carries
     * {@code @SuppressWarnings} with the message's key.
     */
    public void warning(Site site, Message message, Object... arguments) {
        entries.add(new Entry(Diagnostic.Kind.WARNING, message.format(arguments), site, message.key()));
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** Prints everything recorded, in the order found. */
    void printTo(Messager messager) {
        for (Entry entry : entries) {
            Site site = entry.site();
            if (entry.kind() == Diagnostic.Kind.WARNING && suppressed(site.element, entry.key())) {
                continue;
            }
            if (site.value != null) {
                messager.printMessage(entry.kind(), entry.text(), site.element, site.annotation, site.value);
            } else if (site.annotation != null) {
                messager.printMessage(entry.kind(), entry.text(), site.element, site.annotation);
            } else {
                messager.printMessage(entry.kind(), entry.text(), site.element);
            }
        }
        entries.clear();
    }

    private static boolean suppressed(Element element, String key) {
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
            if (suppress != null && Arrays.asList(suppress.value()).contains(key)) {
                return true;
            }
        }
        return false;
    }
}
