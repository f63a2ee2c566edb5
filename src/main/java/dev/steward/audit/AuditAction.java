package dev.steward.audit;

/**
 * The fixed vocabulary of what the audit trail records. A new kind of event is a new constant here, never free text,
 * so auditors can filter on it and the documentation (docs/audit.md) lists every one.
 */
public enum AuditAction {
    /** A sign-in (session or token exchange). */
    SIGN_IN,
    /** A sign-in that was refused. */
    SIGN_IN_FAILED,
    /** A sign-out. */
    SIGN_OUT,
    /** An upload of inventory, people or decisions: committed, duplicate or rejected, with counts. */
    UPLOAD,
    /** An assessment run requested (created or found stored). */
    ASSESSMENT,
    /** A report downloaded through the API. */
    REPORT_DOWNLOAD,
    /** The raw decisions of an upload downloaded (target: the upload). */
    DECISIONS_DOWNLOAD,
    /** An evidence export of a period: done or failed. */
    EXPORT,
    /** A published bundle or its manifest downloaded. */
    EXPORT_DOWNLOAD,
    /** An old bundle deleted from disk by retention; its record and hashes stay. */
    EXPORT_PURGED,
    /** An API token created. */
    TOKEN_CREATED,
    /** An API token revoked. */
    TOKEN_REVOKED,
    /** A user account created or changed. */
    USER_CHANGED,
    /** A role granted or withdrawn. */
    ROLE_CHANGED,
    /** The audit trail itself exported. */
    AUDIT_EXPORTED,
    /** A signed-in caller asked for something its role does not allow (403). */
    ACCESS_DENIED,
    /** Manual evidence attested for a control (target: the attestation). */
    ATTESTED,
    /** A manual attestation withdrawn. */
    ATTESTATION_WITHDRAWN;

    /** Parses a name case-insensitively, with a message that lists the allowed ones. */
    public static AuditAction parse(String text) {
        for (AuditAction a : values()) {
            if (a.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("action '" + text + "' is not one of " + java.util.Arrays.toString(values()));
    }
}
