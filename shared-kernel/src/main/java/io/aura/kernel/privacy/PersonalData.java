package io.aura.kernel.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of a stored event that is personal data (a name, an e-mail address, a text a person wrote). It is
 * stored encrypted with the key of the event's {@link DataSubject}; once that person is erased the key is gone and
 * the component reads as {@link #ERASED} (a text) or empty (a list) everywhere, while the stored bytes, and so the
 * audit's hash chain over them, stay as they were (ADR 0046).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
    /** What an erased text reads as. */
    String ERASED = "[erased]";
}
