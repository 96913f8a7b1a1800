package io.aura.kernel.schedule;

/** What a series does when some of its occurrences conflict. */
public enum ConflictPolicy {
    /** refuse the whole series (the default) */
    ALL_OR_NOTHING,
    /** hold the free occurrences and list the skipped ones */
    SKIP_CONFLICTS
}
