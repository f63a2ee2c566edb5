package dev.steward.assessment;

import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.evidence.SourceRef;
import dev.steward.store.PackBytes;
import dev.steward.store.PackCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The binary form of a pack of results (table assessment_result_pack): the PASS and NOT_APPLICABLE results of a run,
 * a few thousand a pack, in run order, each with every field a finding row has. Check ids, variants, subject ids,
 * owners, teams, evidence kinds, ids and files repeat massively, so they are written once into a dictionary per pack
 * and results refer to them by index; reasons and evidence details, mostly different from result to result, are
 * written in place (hashing them for a dictionary cost more than it saved); the whole is compressed
 * ({@link PackCodec}), which takes care of what repeats inside them.
 *
 * <p>Layout before compression (varint = unsigned LEB128; a text reference is a varint, 0 for null, else dictionary
 * index + 1): byte {@value #VERSION}; varint result count; varint first seq; varint dictionary size, then each text
 * as varint UTF-8 length and bytes; then per result: varint seq minus the previous seq (the first: minus first seq),
 * references to check id, variant, subject type, subject id, result, severity, a byte 1 and the score as a double
 * (or a byte 0 for no score), zig-zag varint weight, references to owner, team, manager and environment, the reason
 * as a text ({@link #writeText}), varint evidence count and per reference: references to kind and id, the detail as a
 * text, then a byte 1 with zig-zag varint upload id, a reference to the file and zig-zag varint line (or a byte 0 for
 * no source). The bytes are written with {@link PackBytes} (no per-byte locking or virtual calls); the layout is the
 * one the first version wrote with the JDK's data streams, so every stored pack still reads.
 */
final class ResultPack {

    static final int VERSION = 1;
    /** Results a pack holds at most. */
    static final int RESULTS = 4096;

    /** Text fields that mostly repeat the previous result's instance: each remembers its last text and reference. */
    private static final int CHECK = 0;
    private static final int VARIANT = 1;
    private static final int TYPE = 2;
    private static final int RESULT = 3;
    private static final int SEVERITY = 4;
    private static final int OWNER = 5;
    private static final int TEAM = 6;
    private static final int MANAGER = 7;
    private static final int ENVIRONMENT = 8;
    private static final int KIND = 9;
    private static final int FILE = 10;
    private static final int SLOTS = 11;

    private ResultPack() {
    }

    /** Builds one pack at a time; {@link #finish()} returns its bytes and starts the next. Not thread-safe. */
    static final class Encoder {
        private final PackBytes.Dictionary dictionary = new PackBytes.Dictionary();
        private final PackBytes.Out out = new PackBytes.Out(1 << 18);
        private final PackBytes.Out whole = new PackBytes.Out(1 << 18);
        private final PackCodec.Compressor compressor = new PackCodec.Compressor();
        /**
         * Per slot, the last text referred to and its reference: a check id, a result name or an owner is usually the
         * very instance the previous result had, and an identity compare is cheaper than a dictionary probe.
         */
        private final String[] lastText = new String[SLOTS];
        private final int[] lastRef = new int[SLOTS];
        private int count;
        private int firstSeq;
        private int lastSeq;

        /** Adds a result; seqs must increase within a pack. */
        void add(int seq, AssessedResult r) {
            if (count > 0 && seq <= lastSeq) {
                throw new IllegalStateException("results of a pack must come in run order: seq " + seq + " after " + lastSeq);
            }
            if (count == 0) {
                firstSeq = seq;
                lastSeq = seq;
            }
            out.varLong(seq - lastSeq);
            lastSeq = seq;
            ref(CHECK, r.checkId());
            ref(VARIANT, r.variant());
            ref(TYPE, r.subjectType() == null ? null : r.subjectType().name());
            dictionary.ref(out, r.subjectId());
            ref(RESULT, r.result() == null ? null : r.result().name());
            ref(SEVERITY, r.severity() == null ? null : r.severity().name());
            if (r.score() == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                out.writeDouble(r.score());
            }
            out.zigZag(r.weight());
            ref(OWNER, r.owner());
            ref(TEAM, r.team());
            ref(MANAGER, r.manager());
            ref(ENVIRONMENT, r.environment());
            out.text(r.reason());
            out.varLong(r.evidence().size());
            for (EvidenceRef e : r.evidence()) {
                ref(KIND, e.kind());
                dictionary.ref(out, e.id());
                out.text(e.detail());
                SourceRef s = e.source();
                if (s == null) {
                    out.writeByte(0);
                } else {
                    out.writeByte(1);
                    out.zigZag(s.uploadId());
                    ref(FILE, s.file());
                    out.zigZag(s.line());
                }
            }
            count++;
        }

        private void ref(int slot, String s) {
            if (s != lastText[slot] || s == null) {
                lastText[slot] = s;
                lastRef[slot] = dictionary.reference(s);
            }
            out.varLong(lastRef[slot]);
        }

        int count() {
            return count;
        }

        int firstSeq() {
            return firstSeq;
        }

        int lastSeq() {
            return lastSeq;
        }

        /**
         * The compressed pack ({@link PackCodec}) of the results added since the last call; the encoder is
         * empty afterwards.
         */
        byte[] finish() {
            try {
                whole.reset();
                whole.writeByte(VERSION);
                whole.varLong(count);
                whole.varLong(firstSeq);
                dictionary.writeTo(whole);
                out.writeTo(whole);
                return whole.compress(compressor);
            } finally {
                dictionary.clear();
                Arrays.fill(lastText, null);
                out.reset();
                count = 0;
            }
        }

        /** Frees the native compressor. */
        void close() {
            compressor.close();
        }
    }

    /** Every result of a pack in run order; equal texts are one shared string. */
    static List<StoredResult> decode(byte[] body) {
        return decode(body, null);
    }

    /**
     * The results of a pack of {@code teams} (null = every result; a result without a team belongs to none), in run
     * order. The reason and evidence of a result of another team are skipped, not decoded: they are most of a pack's
     * bytes, and a manager's reads keep a few results in a thousand.
     */
    static List<StoredResult> decode(byte[] body, Set<String> teams) {
        PackBytes.In in;
        try {
            in = new PackBytes.In(PackCodec.expand(body));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("a result pack is corrupt: " + e.getMessage(), e);
        }
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("result pack version " + version + " is not " + VERSION);
        }
        int count = in.varInt();
        int seq = in.varInt();
        String[] texts = PackBytes.Dictionary.read(in);
        List<StoredResult> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            seq += in.varInt();
            String checkId = in.ref(texts);
            String variant = in.ref(texts);
            String type = in.ref(texts);
            String subjectId = in.ref(texts);
            String result = in.ref(texts);
            String severity = in.ref(texts);
            Double score = in.readByte() == 0 ? null : in.readDouble();
            int weight = (int) in.zigZag();
            String owner = in.ref(texts);
            String team = in.ref(texts);
            String manager = in.ref(texts);
            String environment = in.ref(texts);
            if (teams != null && (team == null || !teams.contains(team))) {
                skipRest(in);
                continue;
            }
            String reason = in.text();
            int n = in.varInt();
            List<EvidenceRef> evidence = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                String kind = in.ref(texts);
                String id = in.ref(texts);
                String detail = in.text();
                SourceRef source = null;
                if (in.readByte() != 0) {
                    long upload = in.zigZag();
                    String file = in.ref(texts);
                    source = new SourceRef(upload, file, in.zigZag());
                }
                evidence.add(new EvidenceRef(kind, id, detail, source));
            }
            out.add(new StoredResult(seq, new AssessedResult(checkId, variant,
                    type == null ? null : SubjectType.valueOf(type), subjectId, result == null ? null : Result.valueOf(result),
                    score, severity == null ? null : Severity.valueOf(severity), weight, reason, owner, team, manager,
                    environment, evidence, List.of())));
        }
        return out;
    }

    /** Skips a result's reason and evidence, as {@link #decode(byte[], Set)} would read them. */
    private static void skipRest(PackBytes.In in) {
        in.skipText();
        int n = in.varInt();
        for (int k = 0; k < n; k++) {
            in.varInt();
            in.varInt();
            in.skipText();
            if (in.readByte() != 0) {
                in.zigZag();
                in.varInt();
                in.zigZag();
            }
        }
    }
}
