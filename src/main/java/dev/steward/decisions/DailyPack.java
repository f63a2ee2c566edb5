package dev.steward.decisions;

import dev.steward.store.PackBytes;
import dev.steward.store.PackCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The binary form of a pack of per-day decision aggregates (table decision_daily_pack): up to a few thousand
 * aggregates, each with every column a {@code decision_daily} row has. Keys are texts that repeat across days and
 * aggregates (agents, credentials, tools, actions, scopes, environments, chains): a dictionary per pack; the whole is
 * compressed ({@link PackCodec}). The writer puts one UTC day in a pack, so the day range of a pack tells a window
 * exactly whether the pack has rows in it.
 *
 * <p>Layout before compression (varint = unsigned LEB128; zig-zag = signed varint; a reference is a varint, 0 for null,
 * else dictionary index + 1): byte {@value #VERSION}; varint aggregate count; zig-zag epoch day of the pack's first
 * day; the dictionary (varint size, then each text as varint UTF-8 length + 1 and bytes); then per aggregate: varint
 * day minus the first day, references to agent, credential, tool, action, scope and environment, a byte 1 allowed or 0
 * denied, a reference to the on-behalf-of chain as stored (a JSON array), seven varint counts (count, with policy,
 * complete, human, high risk, approved, high risk approved), then first and last decision time each as zig-zag
 * seconds since the start of the day and varint nanoseconds.
 */
final class DailyPack {

    static final int VERSION = 1;
    /** Aggregates a pack holds at most. */
    static final int AGGREGATES = 4096;

    private DailyPack() {
    }

    /** Builds one pack at a time; {@link #finish()} returns its bytes and starts the next. Not thread-safe. */
    static final class Encoder {
        private final PackBytes.Dictionary dictionary = new PackBytes.Dictionary();
        private final PackBytes.Out records = new PackBytes.Out(1 << 16);
        private final PackBytes.Out whole = new PackBytes.Out(1 << 16);
        private final PackCodec.Compressor compressor = new PackCodec.Compressor();
        private int count;
        private long firstDay;
        private long minDay;
        private long maxDay;

        /** Adds an aggregate; the first one of a pack fixes its first day, later ones may not be earlier. */
        void add(LocalDate day, String agent, String credential, String tool, String action, String scope,
                String environment, boolean allowed, String onBehalfOf, long[] counts, Instant firstAt, Instant lastAt) {
            long epochDay = day.toEpochDay();
            if (count == 0) {
                firstDay = epochDay;
                minDay = epochDay;
                maxDay = epochDay;
            } else if (epochDay < firstDay) {
                throw new IllegalStateException("aggregates of a pack come in day order: " + day + " after its first day");
            }
            maxDay = Math.max(maxDay, epochDay);
            PackBytes.Out o = records;
            o.varLong(epochDay - firstDay);
            dictionary.ref(o, agent);
            dictionary.ref(o, credential);
            dictionary.ref(o, tool);
            dictionary.ref(o, action);
            dictionary.ref(o, scope);
            dictionary.ref(o, environment);
            o.writeByte(allowed ? 1 : 0);
            dictionary.ref(o, onBehalfOf);
            for (int i = 0; i < 7; i++) {
                o.varLong(counts[i]);
            }
            long dayStart = epochDay * 86_400L;
            o.zigZag(firstAt.getEpochSecond() - dayStart);
            o.varLong(firstAt.getNano());
            o.zigZag(lastAt.getEpochSecond() - dayStart);
            o.varLong(lastAt.getNano());
            count++;
        }

        int count() {
            return count;
        }

        LocalDate minDay() {
            return LocalDate.ofEpochDay(minDay);
        }

        LocalDate maxDay() {
            return LocalDate.ofEpochDay(maxDay);
        }

        /**
         * The compressed pack ({@link PackCodec}) of the aggregates added since the last call; the encoder is
         * empty afterwards.
         */
        byte[] finish() {
            try {
                whole.reset();
                whole.writeByte(VERSION);
                whole.varLong(count);
                whole.zigZag(firstDay);
                dictionary.writeTo(whole);
                records.writeTo(whole);
                return whole.compress(compressor);
            } finally {
                dictionary.clear();
                records.reset();
                count = 0;
            }
        }

        /** Frees the native compressor. */
        void close() {
            compressor.close();
        }
    }

    /**
     * Receives a pack's aggregates as references into its texts, with no string or instant made per aggregate
     * ({@link PackRoutes}): first the texts, then each aggregate of the window. A reference {@code r > 0} is
     * {@code texts[r - 1]}, 0 is null; times are epoch seconds and nanoseconds.
     */
    interface Refs {
        /** The pack's texts; called once per pack, before its aggregates. */
        void texts(String[] texts);

        void row(long epochDay, int agent, int credential, int tool, int action, int scope, int environment, boolean allowed,
                int onBehalfOf, long[] counts, long firstSecond, long firstNano, long lastSecond, long lastNano)
                throws IOException;
    }

    /** Hands every aggregate of a pack whose day is in [from, to) to {@code sink}, in pack order. */
    static void decode(byte[] body, LocalDate from, LocalDate to, DailyRow sink) throws IOException {
        decode(body, from, to, new AsRows(sink, 0, 0));
    }

    /**
     * Hands to {@code sink} the aggregates of a pack with a day in [from, to) that {@code agent} made or that used
     * {@code credential} (either may be null, matching nothing), in pack order. The pack's texts are compared as bytes
     * and decoded only when one of the two is among them, so reading a whole window for one subject decodes the few
     * packs that name it.
     */
    static void decodeOf(byte[] body, LocalDate from, LocalDate to, String agent, String credential, DailyRow sink)
            throws IOException {
        decodeOf(body, from, to, agent, credential, sink, false);
    }

    /** {@link #decodeOf(byte[], LocalDate, LocalDate, String, String, DailyRow)}; with {@code filter}, returns the
     * Bloom filter of the pack's texts ({@link PackFilter}), else null. */
    static PackFilter decodeOf(byte[] body, LocalDate from, LocalDate to, String agent, String credential, DailyRow sink,
            boolean filter) throws IOException {
        Opened pack = header(body);
        PackBytes.In in = pack.in();
        byte[] agentBytes = agent == null ? null : agent.getBytes(StandardCharsets.UTF_8);
        byte[] credentialBytes = credential == null ? null : credential.getBytes(StandardCharsets.UTF_8);
        int size = in.varInt();
        int[] ends = new int[size];
        int[] lengths = new int[size];
        int agentRef = 0;
        int credentialRef = 0;
        PackFilter texts = filter ? new PackFilter(size) : null;
        for (int i = 0; i < size; i++) {
            lengths[i] = in.skipText();
            ends[i] = in.position();
            if (texts != null && lengths[i] >= 0) {
                texts.add(in.buffer(), ends[i] - lengths[i], lengths[i]);
            }
            if (agentRef == 0 && same(in.buffer(), ends[i], lengths[i], agentBytes)) {
                agentRef = i + 1;
            }
            if (credentialRef == 0 && same(in.buffer(), ends[i], lengths[i], credentialBytes)) {
                credentialRef = i + 1;
            }
        }
        if (agentRef == 0 && credentialRef == 0) {
            return texts;
        }
        String[] decoded = new String[size];
        for (int i = 0; i < size; i++) {
            decoded[i] = lengths[i] < 0 ? null
                    : new String(in.buffer(), ends[i] - lengths[i], lengths[i], StandardCharsets.UTF_8);
        }
        AsRows rows = new AsRows(sink, agentRef, credentialRef);
        rows.texts(decoded);
        rows(new Opened(in, pack.count(), pack.firstDay(), decoded), from, to, rows);
        return texts;
    }

    private static boolean same(byte[] buf, int end, int length, byte[] text) {
        return text != null && length == text.length
                && java.util.Arrays.equals(buf, end - length, end, text, 0, text.length);
    }

    /**
     * References made into rows: a text and instants per aggregate. With a non-zero agent or credential reference,
     * only the aggregates with that agent or that credential.
     */
    private static final class AsRows implements Refs {
        private final DailyRow sink;
        private final int agentRef;
        private final int credentialRef;
        private String[] texts;
        private LocalDate day;

        AsRows(DailyRow sink, int agentRef, int credentialRef) {
            this.sink = sink;
            this.agentRef = agentRef;
            this.credentialRef = credentialRef;
        }

        @Override
        public void texts(String[] texts) {
            this.texts = texts;
        }

        @Override
        public void row(long epochDay, int agent, int credential, int tool, int action, int scope, int environment,
                boolean allowed, int onBehalfOf, long[] counts, long firstSecond, long firstNano, long lastSecond,
                long lastNano) throws IOException {
            boolean filtered = agentRef != 0 || credentialRef != 0;
            if (filtered && (agentRef == 0 || agent != agentRef) && (credentialRef == 0 || credential != credentialRef)) {
                return;
            }
            if (day == null || day.toEpochDay() != epochDay) {
                day = LocalDate.ofEpochDay(epochDay);
            }
            sink.row(day, text(agent), text(credential), text(tool), text(action), text(scope), text(environment),
                    allowed, text(onBehalfOf), counts, Instant.ofEpochSecond(firstSecond, firstNano),
                    Instant.ofEpochSecond(lastSecond, lastNano));
        }

        private String text(int ref) {
            return ref == 0 ? null : texts[ref - 1];
        }
    }

    /** {@link #decode(byte[], LocalDate, LocalDate, DailyRow)} by reference. */
    static void decode(byte[] body, LocalDate from, LocalDate to, Refs sink) throws IOException {
        Opened pack = open(body);
        sink.texts(pack.texts());
        rows(pack, from, to, sink);
    }

    /** A pack expanded, its texts decoded and its aggregates not yet: {@code in} is at the first aggregate. */
    record Opened(PackBytes.In in, int count, long firstDay, String[] texts) {
    }

    /** Inflates a pack and decodes its texts (the first half of {@link #decode}). */
    static Opened open(byte[] body) {
        Opened pack = header(body);
        return new Opened(pack.in(), pack.count(), pack.firstDay(), PackBytes.Dictionary.read(pack.in()));
    }

    /**
     * Expands a pack and reads its header only: {@code in} is at its texts ({@link PackBytes.Dictionary}), to be read
     * before its aggregates ({@link #rows}); {@code texts} is null.
     */
    static Opened header(byte[] body) {
        PackBytes.In in = new PackBytes.In(PackCodec.expand(body));
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("daily decision pack version " + version + " is not " + VERSION);
        }
        int count = in.varInt();
        long firstDay = in.zigZag();
        return new Opened(in, count, firstDay, null);
    }

    /**
     * Hands every aggregate of an opened pack whose day is in [from, to) to {@code sink} (the second half of
     * {@link #decode}; {@code sink} has had the pack's texts, or knows them otherwise). Reads the pack once.
     */
    static void rows(Opened pack, LocalDate from, LocalDate to, Refs sink) throws IOException {
        PackBytes.In in = pack.in();
        int count = pack.count();
        long firstDay = pack.firstDay();
        long fromDay = from.toEpochDay();
        long toDay = to.toEpochDay();
        long[] counts = new long[7];
        for (int i = 0; i < count; i++) {
            long epochDay = firstDay + in.varLong();
            int agent = in.varInt();
            int credential = in.varInt();
            int tool = in.varInt();
            int action = in.varInt();
            int scope = in.varInt();
            int environment = in.varInt();
            boolean allowed = in.readByte() != 0;
            int onBehalfOf = in.varInt();
            for (int k = 0; k < 7; k++) {
                counts[k] = in.varLong();
            }
            long dayStart = epochDay * 86_400L;
            long firstSecond = dayStart + in.zigZag();
            long firstNano = in.varLong();
            long lastSecond = dayStart + in.zigZag();
            long lastNano = in.varLong();
            if (epochDay >= fromDay && epochDay < toDay) {
                sink.row(epochDay, agent, credential, tool, action, scope, environment, allowed, onBehalfOf, counts,
                        firstSecond, firstNano, lastSecond, lastNano);
            }
        }
    }
}
