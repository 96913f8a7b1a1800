package io.aura.app.storage;

/**
 * Makes the query side's writes so far durable. A real MongoDB journals every acknowledged
 * write, so there it does nothing; the embedded server writes in the background and must be
 * told to commit.
 */
@FunctionalInterface
public interface QueryStoreDurability {
    void makeDurable();

    QueryStoreDurability JOURNALED = () -> {};
}
