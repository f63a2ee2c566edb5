package dev.steward.inventory;

import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SourceRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person of the directory as stored by one upload. */
@Entity
@Table(name = "person")
public class PersonEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 500)
    public Long pk;

    @Column(name = "upload_id")
    public long uploadId;

    public String id;
    public String name;
    public String email;
    public String team;
    public String manager;
    public String status;

    @Column(name = "departed_at")
    public Instant departedAt;

    /** Unknown fields of the source record, as a JSON object. */
    public String attributes;

    @Column(name = "source_file")
    public String sourceFile;

    @Column(name = "source_line")
    public long sourceLine;

    public PersonRecord toRecord() {
        return new PersonRecord(id, name, email, team, manager, status, departedAt,
                new SourceRef(uploadId, sourceFile, sourceLine));
    }

    public static PersonEntity from(PersonRecord r, String attributes) {
        PersonEntity e = new PersonEntity();
        e.uploadId = r.source().uploadId();
        e.id = r.id();
        e.name = r.name();
        e.email = r.email();
        e.team = r.team();
        e.manager = r.manager();
        e.status = r.status();
        e.departedAt = r.departedAt();
        e.attributes = attributes;
        e.sourceFile = r.source().file();
        e.sourceLine = r.source().line();
        return e;
    }
}
