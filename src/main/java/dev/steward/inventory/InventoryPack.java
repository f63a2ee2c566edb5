package dev.steward.inventory;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SourceRef;
import dev.steward.store.PackBytes;
import dev.steward.store.PackCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a pack of one upload's people, agents or credentials (table inventory_pack), exactly as
 * {@link InventoryLoads} reads them from their tables: every field of each record, in (id, upload) order. Ids, names
 * and other texts go through a dictionary per pack (teams, owners, statuses, environments, files, holders, tools repeat
 * massively); the whole is compressed ({@link PackCodec}).
 *
 * <p>Layout before compression (varint = unsigned LEB128, zig-zag = signed varint, a reference = varint, 0 for null,
 * else dictionary index + 1): byte {@value #VERSION}; byte section (0 people, 1 agents, 2 credentials); varint
 * record count; the dictionary (varint size, then each text as varint UTF-8 length + 1 and bytes); then per record its
 * fields in the order of the record's components: a text as a reference, an instant as a byte 0 (null) or 1 then
 * zig-zag epoch seconds and varint nanoseconds, a list as varint size then references, the autonomy as a reference to
 * its name, the TTL as a byte 0 (null) or 1 then zig-zag seconds, the source as zig-zag upload id, a reference to the
 * file and zig-zag line.
 */
final class InventoryPack {

    static final int VERSION = 1;
    /** Records a pack holds at most. */
    static final int RECORDS = 8192;

    /** The three kinds of record, by the section names uploads use ({@code UploadRepository#inForce}). */
    enum Section {
        PEOPLE("people"), AGENTS("agents"), CREDENTIALS("credentials");

        final String stored;

        Section(String stored) {
            this.stored = stored;
        }
    }

    private InventoryPack() {
    }

    /** Encodes records of one section, at most {@link #RECORDS}; not thread-safe, reusable. */
    static final class Encoder implements AutoCloseable {
        private final PackBytes.Dictionary dictionary = new PackBytes.Dictionary();
        private final PackBytes.Out out = new PackBytes.Out(1 << 16);
        private final PackBytes.Out whole = new PackBytes.Out(1 << 16);
        private final PackCodec.Compressor compressor = new PackCodec.Compressor();

        byte[] encode(Section section, List<?> records) {
            try {
                for (Object r : records) {
                    switch (section) {
                        case PEOPLE -> person((PersonRecord) r);
                        case AGENTS -> agent((AgentRecord) r);
                        case CREDENTIALS -> credential((CredentialRecord) r);
                        default -> throw new IllegalArgumentException(section.name());
                    }
                }
                whole.reset();
                whole.writeByte(VERSION);
                whole.writeByte(section.ordinal());
                whole.varLong(records.size());
                dictionary.writeTo(whole);
                out.writeTo(whole);
                return whole.compress(compressor);
            } finally {
                dictionary.clear();
                out.reset();
            }
        }

        private void person(PersonRecord p) {
            text(p.id());
            text(p.name());
            text(p.email());
            text(p.team());
            text(p.manager());
            text(p.status());
            instant(p.departedAt());
            source(p.source());
        }

        private void agent(AgentRecord a) {
            text(a.id());
            text(a.name());
            text(a.autonomy() == null ? null : a.autonomy().name());
            text(a.environment());
            text(a.team());
            text(a.owner());
            text(a.backupOwner());
            text(a.status());
            instant(a.decommissionedAt());
            instant(a.createdAt());
            instant(a.lastReviewedAt());
            text(a.vendor());
            text(a.identityType());
            text(a.identityId());
            text(a.alertChannel());
            text(a.incidentTrigger());
            text(a.runbook());
            text(a.killSwitchMethod());
            instant(a.killSwitchTestedAt());
            list(a.tools());
            list(a.grants());
            source(a.source());
        }

        private void credential(CredentialRecord c) {
            text(c.id());
            text(c.type());
            list(c.holders());
            text(c.environment());
            text(c.issuer());
            text(c.storage());
            text(c.location());
            list(c.scopes());
            instant(c.createdAt());
            instant(c.expiresAt());
            if (c.ttlSeconds() == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                out.zigZag(c.ttlSeconds());
            }
            instant(c.lastRotatedAt());
            instant(c.lastUsedAt());
            text(c.status());
            instant(c.revokedAt());
            instant(c.exposedAt());
            text(c.exposureWhere());
            source(c.source());
        }

        private void text(String s) {
            dictionary.ref(out, s);
        }

        private void instant(Instant t) {
            if (t == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                out.zigZag(t.getEpochSecond());
                out.varLong(t.getNano());
            }
        }

        private void list(List<String> values) {
            out.varLong(values.size());
            for (String v : values) {
                text(v);
            }
        }

        private void source(SourceRef s) {
            out.zigZag(s.uploadId());
            text(s.file());
            out.zigZag(s.line());
        }

        @Override
        public void close() {
            compressor.close();
        }
    }

    /**
     * The records of a pack of {@code section}, their texts made canonical by {@code canon} (equal texts of one load
     * share one instance, as the table read shares them).
     *
     * @throws IllegalStateException when the pack is corrupt or of another section
     */
    static List<Object> decode(byte[] body, Section section, Canon canon) {
        PackBytes.In in;
        try {
            in = new PackBytes.In(PackCodec.expand(body));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("an inventory pack is corrupt: " + e.getMessage(), e);
        }
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("inventory pack version " + version + " is not " + VERSION);
        }
        int stored = in.readByte();
        if (stored != section.ordinal()) {
            throw new IllegalStateException("an inventory pack of " + section.stored + " holds section " + stored);
        }
        int count = in.varInt();
        String[] texts = PackBytes.Dictionary.read(in);
        for (int i = 0; i < texts.length; i++) {
            texts[i] = canon.of(texts[i]);
        }
        Reader r = new Reader(in, texts, canon);
        List<Object> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(record(section, r));
        }
        if (in.position() != in.buffer().length) {
            throw new IllegalStateException("an inventory pack of " + section.stored + " has "
                    + (in.buffer().length - in.position()) + " bytes after its " + count + " records");
        }
        return out;
    }

    /**
     * The next record. A method of its own, called once per record, so that the compiler compiles it once as a whole
     * method: inside {@link #decode}'s loop (8,192 records a pack, about 50 packs a load) the loop was compiled four
     * times in a cold run (three on-stack replacements, then the method; 0.3-0.7 s each in a JFR recording).
     */
    private static Object record(Section section, Reader r) {
        return switch (section) {
            case PEOPLE -> new PersonRecord(r.text(), r.text(), r.text(), r.text(), r.text(), r.text(), r.instant(),
                    r.source());
            case AGENTS -> new AgentRecord(r.text(), r.text(), r.autonomy(), r.text(), r.text(), r.text(), r.text(),
                    r.text(), r.instant(), r.instant(), r.instant(), r.text(), r.text(), r.text(), r.text(), r.text(),
                    r.text(), r.text(), r.instant(), r.list(), r.list(), r.source());
            case CREDENTIALS -> new CredentialRecord(r.text(), r.text(), r.list(), r.text(), r.text(), r.text(),
                    r.text(), r.list(), r.instant(), r.instant(), r.ttl(), r.instant(), r.instant(), r.text(),
                    r.instant(), r.instant(), r.text(), r.source());
        };
    }

    /** Reads fields in order; arguments of a constructor call are evaluated left to right. */
    private static final class Reader {
        private final PackBytes.In in;
        private final String[] texts;
        private final Canon canon;

        Reader(PackBytes.In in, String[] texts, Canon canon) {
            this.in = in;
            this.texts = texts;
            this.canon = canon;
        }

        String text() {
            return in.ref(texts);
        }

        Instant instant() {
            return in.readByte() == 0 ? null : Instant.ofEpochSecond(in.zigZag(), in.varLong());
        }

        Autonomy autonomy() {
            String name = text();
            return name == null ? null : Autonomy.valueOf(name);
        }

        Long ttl() {
            return in.readByte() == 0 ? null : in.zigZag();
        }

        List<String> list() {
            int n = in.varInt();
            if (n == 0) {
                return List.of();
            }
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = text();
            }
            return canon.list(List.of(values));
        }

        SourceRef source() {
            return new SourceRef(in.zigZag(), text(), in.zigZag());
        }
    }
}
