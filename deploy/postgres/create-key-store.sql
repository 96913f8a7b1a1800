-- The persons' key store (ADR 0046) lives beside the event store, never in it: a database of its own, so that an
-- erased person's key can be destroyed without touching the events (and backed up, restored or kept apart alone).
CREATE DATABASE aura_keys OWNER aura;
