package io.aura.app.axon.upcasting;

import io.aura.kernel.EventRevision;
import org.axonframework.serialization.RevisionResolver;

/** Reads the kernel's {@link EventRevision}, so messages need no Axon annotation. */
public final class KernelRevisionResolver implements RevisionResolver {
    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        return revision == null ? null : revision.value();
    }
}
