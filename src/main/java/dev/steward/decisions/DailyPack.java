package dev.steward.decisions;

import dev.steward.store.PackBytes;
import dev.steward.store.PackCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The binary form of a pack of per-day decision aggregates (table decision_daily_pack): up to a few thousand
 * aggregates, each with every column a {@code decision_daily} row has. Keys are texts that repeat across days and
 * aggregates (agents, credentials, tools, actions, scopes, environments, chains): a dictionary per pack; the whole is
 * compressed ({@link PackCodec}). The writer puts one UTC day in a pack, so the day range of a pack tells a window
 * exactly whether the pack has rows in it.
 *
 * <p>Layout before compression (varint = unsigned LEB128; zig-zag = signed varint; a reference is a varint, 0 for null,
 * else dictionary index + 1): byte {@value #VERSION} (or {@value #OWN_TEXTS}); varint aggregate count; zig-zag epoch
 * day of the pack's first day; the dictionary: in version {@value #VERSION} a varint size, then each text's number in
 * its upload's texts ({@link UploadTexts}) as a varint; in version {@value #OWN_TEXTS} (the first, and what an upload
 * writes once it has numbered {@link UploadTexts.Writer#MAX_TEXTS} texts) a varint size, then each text as varint
 * UTF-8 length + 1 and bytes; then per aggregate: varint
 * day minus the first day, references to agent, credential, tool, action, scope and environment, a byte 1 allowed or 0
 * denied, a reference to the on-behalf-of chain as stored (a JSON array), seven varint counts (count, with policy,
 * complete, human, high risk, approved, high risk approved), then first and last decision time each as zig-zag
 * seconds since the start of the day and varint nanoseconds.
 */
final class DailyPack {

    /** Packs whose dictionary numbers its upload's texts. */
    static final int VERSION = 2;
    /** Packs whose dictionary holds its texts. */
    static final int OWN_TEXTS = 1;
    /** Aggregates a pack holds at most. */
    static final int AGGREGATES = 4096;

    private DailyPack() {
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

    /** Hands every aggregate of a pack of version {@value #OWN_TEXTS} whose day is in [from, to) to {@code sink}. */
    static void decode(byte[] body, LocalDate from, LocalDate to, DailyRow sink) throws IOException {
        decode(body, null, from, to, sink);
    }

    /**
     * Hands every aggregate of a pack whose day is in [from, to) to {@code sink}, in pack order; {@code texts} are its
     * upload's (needed by a pack of version {@value #VERSION}).
     */
    static void decode(byte[] body, Supplier<UploadTexts> texts, LocalDate from, LocalDate to, DailyRow sink)
            throws IOException {
        decode(body, texts, from, to, new AsRows(sink, 0, 0));
    }

    /** {@link #decodeOf(byte[], Supplier, LocalDate, LocalDate, String, String, DailyRow, boolean)} of version 1. */
    static void decodeOf(byte[] body, LocalDate from, LocalDate to, String agent, String credential, DailyRow sink)
            throws IOException {
        decodeOf(body, null, from, to, agent, credential, sink, false);
    }

    /**
     * Hands to {@code sink} the aggregates of a pack with a day in [from, to) that {@code agent} made or that used
     * {@code credential} (either may be null, matching nothing), in pack order. The pack's texts are compared as bytes
     * and decoded only when one of the two is among them, so reading a whole window for one subject decodes the few
     * packs that name it. {@code texts} are the pack's upload's (needed by a pack of version {@value #VERSION}). With
     * {@code filter}, returns the Bloom filter of the pack's texts ({@link PackFilter}), else null.
     */
    static PackFilter decodeOf(byte[] body, Supplier<UploadTexts> source, LocalDate from, LocalDate to, String agent,
            String credential, DailyRow sink, boolean filter) throws IOException {
        Opened pack = header(body);
        PackBytes.In in = pack.in();
        int[] numbers = pack.numbers();
        UploadTexts texts = numbers == null ? null : texts(source);
        byte[] buf = numbers == null ? in.buffer() : texts.buffer();
        byte[] agentBytes = agent == null ? null : agent.getBytes(StandardCharsets.UTF_8);
        byte[] credentialBytes = credential == null ? null : credential.getBytes(StandardCharsets.UTF_8);
        int size = numbers == null ? in.varInt() : numbers.length;
        int[] starts = new int[size];
        int[] lengths = new int[size];
        int agentRef = 0;
        int credentialRef = 0;
        PackFilter found = filter ? new PackFilter(size) : null;
        for (int i = 0; i < size; i++) {
            if (numbers == null) {
                lengths[i] = in.skipText();
                starts[i] = in.position() - Math.max(0, lengths[i]);
            } else {
                int number = texts.checked(numbers[i]);
                starts[i] = texts.offsets()[number];
                lengths[i] = texts.lengths()[number];
            }
            if (found != null && lengths[i] >= 0) {
                found.add(buf, starts[i], lengths[i]);
            }
            if (agentRef == 0 && same(buf, starts[i], lengths[i], agentBytes)) {
                agentRef = i + 1;
            }
            if (credentialRef == 0 && same(buf, starts[i], lengths[i], credentialBytes)) {
                credentialRef = i + 1;
            }
        }
        if (agentRef == 0 && credentialRef == 0) {
            return found;
        }
        String[] decoded = new String[size];
        for (int i = 0; i < size; i++) {
            decoded[i] = numbers != null ? texts.text(numbers[i]) : lengths[i] < 0 ? null
                    : new String(buf, starts[i], lengths[i], StandardCharsets.UTF_8);
        }
        AsRows rows = new AsRows(sink, agentRef, credentialRef);
        rows.texts(decoded);
        rows(new Opened(in, pack.count(), pack.firstDay(), decoded, numbers), from, to, rows);
        return found;
    }

    private static boolean same(byte[] buf, int start, int length, byte[] text) {
        return text != null && length == text.length
                && Arrays.equals(buf, start, start + length, text, 0, text.length);
    }

    /** The upload's texts a pack of version {@value #VERSION} needs. */
    private static UploadTexts texts(Supplier<UploadTexts> source) {
        UploadTexts texts = source == null ? null : source.get();
        if (texts == null) {
            throw new IllegalStateException("a daily decision pack of version " + VERSION
                    + " was read without its upload's texts");
        }
        return texts;
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

    /** {@link #decode(byte[], Supplier, LocalDate, LocalDate, DailyRow)} by reference. */
    static void decode(byte[] body, Supplier<UploadTexts> texts, LocalDate from, LocalDate to, Refs sink)
            throws IOException {
        Opened pack = open(body, texts);
        sink.texts(pack.texts());
        rows(pack, from, to, sink);
    }

    /**
     * A pack expanded, its texts decoded and its aggregates not yet: {@code in} is at the first aggregate. For a pack
     * of version {@value #VERSION}, {@code numbers} are its texts' numbers in its upload's texts (null in version
     * {@value #OWN_TEXTS}).
     */
    record Opened(PackBytes.In in, int count, long firstDay, String[] texts, int[] numbers) {
    }

    /** Inflates a pack and decodes its texts (the first half of {@link #decode}), those of its upload's if numbered. */
    static Opened open(byte[] body, Supplier<UploadTexts> source) {
        Opened pack = header(body);
        int[] numbers = pack.numbers();
        if (numbers == null) {
            return new Opened(pack.in(), pack.count(), pack.firstDay(), PackBytes.Dictionary.read(pack.in()), null);
        }
        UploadTexts texts = texts(source);
        String[] decoded = new String[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            decoded[i] = texts.text(numbers[i]);
        }
        return new Opened(pack.in(), pack.count(), pack.firstDay(), decoded, numbers);
    }

    /**
     * Expands a pack and reads its header only; {@code texts} is null. In version {@value #OWN_TEXTS}, {@code in} is
     * at its texts ({@link PackBytes.Dictionary}), to be read before its aggregates ({@link #rows}); in version
     * {@value #VERSION}, at its aggregates, and {@code numbers} are its texts' numbers in its upload's.
     */
    static Opened header(byte[] body) {
        PackBytes.In in = new PackBytes.In(PackCodec.expand(body));
        int version = in.readByte();
        if (version != VERSION && version != OWN_TEXTS) {
            throw new IllegalStateException("daily decision pack version " + version + " is not " + OWN_TEXTS + " or "
                    + VERSION);
        }
        int count = in.varInt();
        long firstDay = in.zigZag();
        int[] numbers = null;
        if (version == VERSION) {
            int n = in.varInt();
            if (n > in.buffer().length - in.position()) { // a number takes a byte at least
                throw new IllegalStateException("a daily decision pack names " + n + " texts in "
                        + (in.buffer().length - in.position()) + " bytes");
            }
            numbers = new int[n];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = in.varInt();
            }
        }
        return new Opened(in, count, firstDay, null, numbers);
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
