package dev.steward.upload;

/** What an upload holds. */
public enum UploadKind {
    /** An inventory document: people, agents and credentials sections (any of them). */
    INVENTORY,
    /** A people directory alone. */
    PEOPLE,
    /** Authorization decision logs. */
    DECISIONS
}
