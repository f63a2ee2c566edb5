package dev.steward.mapping;

/**
 * Evidence a person must attach to a control because no check can produce it (a policy, a procedure, a training
 * record). The id is unique within its framework so attachments can refer to it.
 */
public record ManualEvidence(String id, String description) {
}
