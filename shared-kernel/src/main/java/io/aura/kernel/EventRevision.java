package io.aura.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape version of a stored event (Axon's {@code @Revision}, without Axon in the kernel). An
 * event's shape never changes in place: a new shape gets a new revision and an upcaster that
 * reads the old one (see {@code io.aura.app.axon.upcasting}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {
    String value();
}
