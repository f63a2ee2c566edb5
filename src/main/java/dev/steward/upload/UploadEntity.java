package dev.steward.upload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One upload: a set of files ingested together, atomically. A REJECTED upload stores no evidence, only its report.
 * Within a {@code scope}, the committed inventory with the latest {@code asOf} at or before an instant is the one in
 * force then; earlier ones stay stored for past assessments.
 */
@Entity
@Table(name = "upload")
public class UploadEntity {

    /**
     * PENDING while a staged upload is written (invisible to readers); COMMITTED when complete; REJECTED when its
     * input had errors; ABORTED when the process stopped before it completed (cleaned up at the next start).
     */
    public enum Status { PENDING, COMMITTED, REJECTED, ABORTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public UploadKind kind;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String format;
    public String scope;
    public String source;

    @Column(name = "as_of")
    public Instant asOf;

    @Column(name = "content_hash")
    public String contentHash;

    /** File names, one per line. */
    public String files;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "has_people")
    public boolean hasPeople;

    @Column(name = "has_agents")
    public boolean hasAgents;

    @Column(name = "has_credentials")
    public boolean hasCredentials;

    @Column(name = "people_count")
    public int peopleCount;

    @Column(name = "agent_count")
    public int agentCount;

    @Column(name = "credential_count")
    public int credentialCount;

    @Column(name = "decision_count")
    public long decisionCount;

    @Column(name = "error_count")
    public int errorCount;

    @Column(name = "warning_count")
    public int warningCount;

    /** The ingest report as JSON (problems are redacted: no secret value ever reaches it). */
    public String report;
}
