package dev.steward.assessment;

import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.evidence.SourceRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The binary form of a pack of results (table assessment_result_pack): the PASS and NOT_APPLICABLE results of a run,
 * a few thousand a pack, in run order, each with every field a finding row has. Check ids, variants, subject ids,
 * owners, teams, evidence kinds, ids and files repeat massively, so they are written once into a dictionary per pack
 * and results refer to them by index; reasons and evidence details, mostly different from result to result, are
 * written in place (hashing them for a dictionary cost more than it saved); the whole is deflated at the fastest
 * level, which takes care of what repeats inside them.
 *
 * <p>Layout before deflating (varint = unsigned LEB128; a text reference is a varint, 0 for null, else dictionary
 * index + 1): byte {@value #VERSION}; varint result count; varint first seq; varint dictionary size, then each text
 * as varint UTF-8 length and bytes; then per result: varint seq minus the previous seq (the first: minus first seq),
 * references to check id, variant, subject type, subject id, result, severity, a byte 1 and the score as a double
 * (or a byte 0 for no score), zig-zag varint weight, references to owner, team, manager and environment, the reason
 * as a text ({@link #writeText}), varint evidence count and per reference: references to kind and id, the detail as a
 * text, then a byte 1 with zig-zag varint upload id, a reference to the file and zig-zag varint line (or a byte 0 for
 * no source).
 */
final class ResultPack {

    static final int VERSION = 1;
    /** Results a pack holds at most. */
    static final int RESULTS = 4096;

    private ResultPack() {
    }

    /** Builds one pack at a time; {@link #finish()} returns its bytes and starts the next. Not thread-safe. */
    static final class Encoder {
        private final Map<String, Integer> dictionary = new HashMap<>();
        private final List<String> texts = new ArrayList<>();
        private final ByteArrayOutputStream records = new ByteArrayOutputStream(1 << 18);
        private final DataOutputStream out = new DataOutputStream(records);
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        private int count;
        private int firstSeq;
        private int lastSeq;

        /** Adds a result; seqs must increase within a pack. */
        void add(int seq, AssessedResult r) {
            if (count > 0 && seq <= lastSeq) {
                throw new IllegalStateException("results of a pack must come in run order: seq " + seq + " after " + lastSeq);
            }
            try {
                if (count == 0) {
                    firstSeq = seq;
                    lastSeq = seq;
                }
                writeVarInt(out, seq - lastSeq);
                lastSeq = seq;
                ref(r.checkId());
                ref(r.variant());
                ref(r.subjectType() == null ? null : r.subjectType().name());
                ref(r.subjectId());
                ref(r.result() == null ? null : r.result().name());
                ref(r.severity() == null ? null : r.severity().name());
                if (r.score() == null) {
                    out.writeByte(0);
                } else {
                    out.writeByte(1);
                    out.writeDouble(r.score());
                }
                writeVarLong(out, zigZag(r.weight()));
                ref(r.owner());
                ref(r.team());
                ref(r.manager());
                ref(r.environment());
                writeText(out, r.reason());
                writeVarInt(out, r.evidence().size());
                for (EvidenceRef e : r.evidence()) {
                    ref(e.kind());
                    ref(e.id());
                    writeText(out, e.detail());
                    SourceRef s = e.source();
                    if (s == null) {
                        out.writeByte(0);
                    } else {
                        out.writeByte(1);
                        writeVarLong(out, zigZag(s.uploadId()));
                        ref(s.file());
                        writeVarLong(out, zigZag(s.line()));
                    }
                }
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

        /** The deflated pack of the results added since the last call; the encoder is empty afterwards. */
        byte[] finish() {
            try {
                ByteArrayOutputStream raw = new ByteArrayOutputStream(records.size() + 64 * texts.size() + 16);
                DataOutputStream head = new DataOutputStream(raw);
                head.writeByte(VERSION);
                writeVarInt(head, count);
                writeVarInt(head, firstSeq);
                writeVarInt(head, texts.size());
                for (String t : texts) {
                    writeText(head, t);
                }
                head.flush();
                records.writeTo(raw);
                byte[] input = raw.toByteArray();
                deflater.reset();
                deflater.setInput(input);
                deflater.finish();
                ByteArrayOutputStream packed = new ByteArrayOutputStream(Math.max(64, input.length / 4));
                byte[] chunk = new byte[1 << 16];
                while (!deflater.finished()) {
                    int n = deflater.deflate(chunk);
                    packed.write(chunk, 0, n);
                }
                return packed.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                dictionary.clear();
                texts.clear();
                records.reset();
                count = 0;
            }
        }

        /** Frees the native deflater. */
        void close() {
            deflater.end();
        }

        private void ref(String s) throws IOException {
            if (s == null) {
                writeVarInt(out, 0);
                return;
            }
            // By value, not by identity: every loaded record has its own string instances, so an identity map only
            // grew and missed the cache; a string caches its hash, and equal texts are usually the same few instances.
            Integer known = dictionary.get(s);
            if (known == null) {
                known = texts.size();
                texts.add(s);
                dictionary.put(s, known);
            }
            writeVarInt(out, known + 1);
        }
    }

    /** Every result of a pack in run order; equal texts are one shared string. */
    static List<StoredResult> decode(byte[] body) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            ByteArrayOutputStream raw = new ByteArrayOutputStream(body.length * 4);
            byte[] chunk = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a result pack ends early");
                }
                raw.write(chunk, 0, n);
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw.toByteArray()));
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalStateException("result pack version " + version + " is not " + VERSION);
            }
            int count = readVarInt(in);
            int seq = readVarInt(in);
            String[] texts = new String[readVarInt(in)];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = readText(in);
            }
            List<StoredResult> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                seq += readVarInt(in);
                String checkId = ref(in, texts);
                String variant = ref(in, texts);
                String type = ref(in, texts);
                String subjectId = ref(in, texts);
                String result = ref(in, texts);
                String severity = ref(in, texts);
                Double score = in.readByte() == 0 ? null : in.readDouble();
                int weight = (int) unZigZag(readVarLong(in));
                String owner = ref(in, texts);
                String team = ref(in, texts);
                String manager = ref(in, texts);
                String environment = ref(in, texts);
                String reason = readText(in);
                int n = readVarInt(in);
                List<EvidenceRef> evidence = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    String kind = ref(in, texts);
                    String id = ref(in, texts);
                    String detail = readText(in);
                    SourceRef source = null;
                    if (in.readByte() != 0) {
                        long upload = unZigZag(readVarLong(in));
                        String file = ref(in, texts);
                        source = new SourceRef(upload, file, unZigZag(readVarLong(in)));
                    }
                    evidence.add(new EvidenceRef(kind, id, detail, source));
                }
                out.add(new StoredResult(seq, new AssessedResult(checkId, variant,
                        type == null ? null : SubjectType.valueOf(type), subjectId, result == null ? null : Result.valueOf(result),
                        score, severity == null ? null : Severity.valueOf(severity), weight, reason, owner, team, manager,
                        environment, evidence, List.of())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a result pack", e);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a result pack is corrupt", e);
        } finally {
            inflater.end();
        }
    }

    private static String ref(DataInput in, String[] texts) throws IOException {
        int i = readVarInt(in);
        return i == 0 ? null : texts[i - 1];
    }

    /**
     * A text of any length (no 64 KiB limit as in {@link DataOutput#writeUTF}): varint 0 for null, else the UTF-8
     * length + 1, then the bytes.
     */
    static void writeText(DataOutput out, String s) throws IOException {
        if (s == null) {
            writeVarInt(out, 0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeVarInt(out, b.length + 1);
        out.write(b);
    }

    static String readText(DataInput in) throws IOException {
        int n = readVarInt(in);
        if (n == 0) {
            return null;
        }
        byte[] b = new byte[n - 1];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static void writeVarInt(DataOutput out, int v) throws IOException {
        if (v < 0) {
            throw new IllegalArgumentException("negative varint " + v);
        }
        writeVarLong(out, v);
    }

    static void writeVarLong(DataOutput out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    static int readVarInt(DataInput in) throws IOException {
        return Math.toIntExact(readVarLong(in));
    }

    static long readVarLong(DataInput in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalStateException("a varint is longer than 64 bits");
    }

    static long zigZag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unZigZag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
