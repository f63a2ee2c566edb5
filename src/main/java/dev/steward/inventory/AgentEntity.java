package dev.steward.inventory;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.SourceRef;
import dev.steward.store.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An agent as stored by one upload. */
@Entity
@Table(name = "agent")
public class AgentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_seq")
    @SequenceGenerator(name = "agent_seq", sequenceName = "agent_seq", allocationSize = 500)
    public Long pk;

    @Column(name = "upload_id")
    public long uploadId;

    public String id;
    public String name;
    public String autonomy;
    public String environment;
    public String team;
    public String owner;

    @Column(name = "backup_owner")
    public String backupOwner;

    public String status;

    @Column(name = "decommissioned_at")
    public Instant decommissionedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_reviewed_at")
    public Instant lastReviewedAt;

    public String vendor;

    @Column(name = "identity_type")
    public String identityType;

    @Column(name = "identity_id")
    public String identityId;

    @Column(name = "alert_channel")
    public String alertChannel;

    @Column(name = "incident_trigger")
    public String incidentTrigger;

    public String runbook;

    @Column(name = "kill_switch_method")
    public String killSwitchMethod;

    @Column(name = "kill_switch_tested_at")
    public Instant killSwitchTestedAt;

    @Convert(converter = StringListConverter.class)
    public List<String> tools;

    @Convert(converter = StringListConverter.class)
    public List<String> grants;

    public String attributes;

    @Column(name = "source_file")
    public String sourceFile;

    @Column(name = "source_line")
    public long sourceLine;

    public AgentRecord toRecord() {
        return new AgentRecord(id, name, Autonomy.parse(autonomy).orElse(null), environment, team, owner, backupOwner,
                status, decommissionedAt, createdAt, lastReviewedAt, vendor, identityType, identityId, alertChannel,
                incidentTrigger, runbook, killSwitchMethod, killSwitchTestedAt, tools, grants,
                new SourceRef(uploadId, sourceFile, sourceLine));
    }

    public static AgentEntity from(AgentRecord r, String attributes) {
        AgentEntity e = new AgentEntity();
        e.uploadId = r.source().uploadId();
        e.id = r.id();
        e.name = r.name();
        e.autonomy = r.autonomy() == null ? null : r.autonomy().wire();
        e.environment = r.environment();
        e.team = r.team();
        e.owner = r.owner();
        e.backupOwner = r.backupOwner();
        e.status = r.status();
        e.decommissionedAt = r.decommissionedAt();
        e.createdAt = r.createdAt();
        e.lastReviewedAt = r.lastReviewedAt();
        e.vendor = r.vendor();
        e.identityType = r.identityType();
        e.identityId = r.identityId();
        e.alertChannel = r.alertChannel();
        e.incidentTrigger = r.incidentTrigger();
        e.runbook = r.runbook();
        e.killSwitchMethod = r.killSwitchMethod();
        e.killSwitchTestedAt = r.killSwitchTestedAt();
        e.tools = r.tools();
        e.grants = r.grants();
        e.attributes = attributes;
        e.sourceFile = r.source().file();
        e.sourceLine = r.source().line();
        return e;
    }
}
