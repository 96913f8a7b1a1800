package io.aura.kernel.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The component of an event that names whose {@link PersonalData} the event carries (a username). An event with
 * personal data has exactly one; a null subject (a booking imported for nobody) stores its personal data under a
 * key of nobody's, which is never erased.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface DataSubject {}
