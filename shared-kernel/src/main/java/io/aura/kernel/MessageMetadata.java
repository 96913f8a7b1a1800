package io.aura.kernel;

/** Metadata keys every command and event carries, set at the edge from the authenticated caller. */
public final class MessageMetadata {
    /** who caused the message (a username, or "system") */
    public static final String ACTOR = "actor";
    /** the actor's roles when it acted, comma separated (approval policies may depend on them) */
    public static final String ACTOR_ROLES = "actorRoles";

    private MessageMetadata() {}
}
