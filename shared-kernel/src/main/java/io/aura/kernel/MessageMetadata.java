package io.aura.kernel;

/** Metadata keys every command and event carries, set at the edge from the authenticated caller. */
public final class MessageMetadata {
    /** who caused the message (a username, or "system") */
    public static final String ACTOR = "actor";
    /** the actor's roles when it acted, comma separated (approval policies may depend on them) */
    public static final String ACTOR_ROLES = "actorRoles";
    /**
     * the HTTP request that caused the message (its {@code X-Request-Id}): an operator or auditor finds
     * every event one request recorded, and a test proves that a refused request recorded none
     */
    public static final String REQUEST_ID = "requestId";

    private MessageMetadata() {}
}
