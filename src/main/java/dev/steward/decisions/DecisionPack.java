package dev.steward.decisions;

import dev.steward.ingest.DecisionLine;
import dev.steward.store.PackBytes;
import dev.steward.store.PackCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a pack of raw decisions (table decision_pack): a few thousand decisions of one upload in file
 * order, each with every field of {@link DecisionLine} including its source file and line. Agents, credentials, tools,
 * actions, scopes, policies, reasons, environments, user agents and file names repeat massively, so they are written
 * once into a dictionary per pack and decisions refer to them by index; ids, resources, triggers and approvals, mostly
 * different from line to line, are written in place; the whole is compressed ({@link PackCodec}).
 *
 * <p>Layout before compression (varint = unsigned LEB128; zig-zag = signed varint; a reference is a varint, 0 for null,
 * else dictionary index + 1; a text in place is varint UTF-8 length + 1, 0 for null, then the bytes): byte
 * {@value #VERSION}; varint decision count; the dictionary (varint size, then each text in place); then per decision:
 * id in place, zig-zag epoch second minus the previous decision's (the first: minus 0), varint nanosecond, references
 * to agent and credential, varint chain length and a reference per on-behalf-of id, references to tool and action,
 * resource in place, reference to scope, a flag byte (1 allowed, 2 interactive known, 4 interactive), references to
 * policy and reason, trigger and approval in place, references to risk, environment, user agent and source file,
 * zig-zag source line minus the previous decision's.
 */
final class DecisionPack {

    static final int VERSION = 1;
    /** Decisions a pack holds at most. */
    static final int DECISIONS = 4096;

    private DecisionPack() {
    }

    /** Builds one pack at a time; {@link #finish()} returns its bytes and starts the next. Not thread-safe. */
    static final class Encoder {
        private final PackBytes.Dictionary dictionary = new PackBytes.Dictionary();
        private final PackBytes.Out records = new PackBytes.Out(1 << 18);
        private final PackBytes.Out whole = new PackBytes.Out(1 << 18);
        private final PackCodec.Compressor compressor = new PackCodec.Compressor();
        private int count;
        private long second;
        private long line;
        private Instant min;
        private Instant max;
        private long firstLine;
        private long lastLine;

        void add(DecisionLine d) {
            PackBytes.Out o = records;
            if (count == 0) {
                min = d.time();
                max = d.time();
                firstLine = d.line();
            } else if (d.time().isBefore(min)) {
                min = d.time();
            } else if (d.time().isAfter(max)) {
                max = d.time();
            }
            lastLine = d.line();
            o.text(d.id());
            o.zigZag(d.time().getEpochSecond() - second);
            second = d.time().getEpochSecond();
            o.varLong(d.time().getNano());
            dictionary.ref(o, d.agent());
            dictionary.ref(o, d.credential());
            o.varLong(d.onBehalfOf().size());
            for (String p : d.onBehalfOf()) {
                dictionary.ref(o, p);
            }
            dictionary.ref(o, d.tool());
            dictionary.ref(o, d.action());
            o.text(d.resource());
            dictionary.ref(o, d.scope());
            o.writeByte((d.allowed() ? 1 : 0) | (d.interactive() == null ? 0 : 2 | (d.interactive() ? 4 : 0)));
            dictionary.ref(o, d.policy());
            dictionary.ref(o, d.reason());
            o.text(d.trigger());
            o.text(d.approval());
            dictionary.ref(o, d.risk());
            dictionary.ref(o, d.environment());
            dictionary.ref(o, d.userAgent());
            dictionary.ref(o, d.file());
            o.zigZag(d.line() - line);
            line = d.line();
            count++;
        }

        int count() {
            return count;
        }

        Instant min() {
            return min;
        }

        Instant max() {
            return max;
        }

        long firstLine() {
            return firstLine;
        }

        long lastLine() {
            return lastLine;
        }

        /**
         * The compressed pack ({@link PackCodec}) of the decisions added since the last call; the encoder is
         * empty afterwards.
         */
        byte[] finish() {
            try {
                whole.reset();
                whole.writeByte(VERSION);
                whole.varLong(count);
                dictionary.writeTo(whole);
                records.writeTo(whole);
                return whole.compress(compressor);
            } finally {
                dictionary.clear();
                records.reset();
                count = 0;
                second = 0;
                line = 0;
            }
        }

        /** Frees the native compressor. */
        void close() {
            compressor.close();
        }
    }

    /** Every decision of a pack in file order; equal texts are one shared string. */
    static List<DecisionLine> decode(byte[] body) {
        PackBytes.In in = new PackBytes.In(PackCodec.expand(body));
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("decision pack version " + version + " is not " + VERSION);
        }
        int count = in.varInt();
        String[] texts = PackBytes.Dictionary.read(in);
        List<DecisionLine> out = new ArrayList<>(count);
        long second = 0;
        long line = 0;
        for (int i = 0; i < count; i++) {
            String id = in.text();
            second += in.zigZag();
            Instant time = Instant.ofEpochSecond(second, in.varLong());
            String agent = in.ref(texts);
            String credential = in.ref(texts);
            int chain = in.varInt();
            List<String> onBehalfOf = chain == 0 ? List.of() : new ArrayList<>(chain);
            for (int k = 0; k < chain; k++) {
                onBehalfOf.add(in.ref(texts));
            }
            String tool = in.ref(texts);
            String action = in.ref(texts);
            String resource = in.text();
            String scope = in.ref(texts);
            int flags = in.readByte();
            String policy = in.ref(texts);
            String reason = in.ref(texts);
            String trigger = in.text();
            String approval = in.text();
            String risk = in.ref(texts);
            String environment = in.ref(texts);
            String userAgent = in.ref(texts);
            String file = in.ref(texts);
            line += in.zigZag();
            out.add(new DecisionLine(id, time, agent, credential, onBehalfOf, tool, action, resource, scope,
                    (flags & 1) != 0, policy, reason, trigger, approval, risk, environment,
                    (flags & 2) == 0 ? null : (flags & 4) != 0, userAgent, file, line));
        }
        return out;
    }
}
