package dev.steward.decisions;

import dev.steward.store.PackBytes;
import dev.steward.store.PackCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Builds {@link DailyPack}s one at a time; {@link #finish()} returns a pack's bytes and starts the next. With an
 * upload's texts ({@link UploadTexts.Writer}) its packs are of version {@value DailyPack#VERSION} while the upload has
 * room for their texts; without, of version {@value DailyPack#OWN_TEXTS}. Not thread-safe.
 */
final class DailyPackEncoder {

    /** Texts an aggregate names at most: agent, credential, tool, action, scope, environment and chain. */
    private static final int TEXTS = 7;

    private final PackBytes.Dictionary dictionary = new PackBytes.Dictionary();
    private final UploadTexts.Writer upload;
    /** Whether the pack being built numbers its upload's texts (decided by its first aggregate). */
    private boolean numbered;
    /** By upload text number: its reference in the pack being built (dictionary index + 1), 0 when unused. */
    private int[] refOf = new int[1 << 12];
    /** The upload text numbers the pack being built uses, in the order of their references. */
    private int[] used = new int[1 << 12];
    private int usedCount;
    private final PackBytes.Out records = new PackBytes.Out(1 << 16);
    private final PackBytes.Out whole = new PackBytes.Out(1 << 16);
    private final PackCodec.Compressor compressor = new PackCodec.Compressor();
    private int count;
    private long firstDay;
    private long minDay;
    private long maxDay;

    /** An encoder of packs of version {@value DailyPack#OWN_TEXTS}, each with its own texts. */
    DailyPackEncoder() {
        this(null);
    }

    /** An encoder of one upload's packs, numbering its texts in {@code upload} (null: each pack its own). */
    DailyPackEncoder(UploadTexts.Writer upload) {
        this.upload = upload;
    }

    /** Adds an aggregate; the first one of a pack fixes its first day, later ones may not be earlier. */
    void add(LocalDate day, String agent, String credential, String tool, String action, String scope,
            String environment, boolean allowed, String onBehalfOf, long[] counts, Instant firstAt, Instant lastAt) {
        long epochDay = day.toEpochDay();
        if (count == 0) {
            firstDay = epochDay;
            minDay = epochDay;
            maxDay = epochDay;
            numbered = upload != null && upload.room(DailyPack.AGGREGATES * TEXTS);
        } else if (epochDay < firstDay) {
            throw new IllegalStateException("aggregates of a pack come in day order: " + day + " after its first day");
        }
        maxDay = Math.max(maxDay, epochDay);
        PackBytes.Out o = records;
        o.varLong(epochDay - firstDay);
        ref(agent);
        ref(credential);
        ref(tool);
        ref(action);
        ref(scope);
        ref(environment);
        o.writeByte(allowed ? 1 : 0);
        ref(onBehalfOf);
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

    private void ref(String text) {
        if (!numbered) {
            dictionary.ref(records, text);
            return;
        }
        if (text == null) {
            records.varLong(0);
            return;
        }
        int number = upload.number(text);
        if (number >= refOf.length) {
            refOf = Arrays.copyOf(refOf, Math.max(number + 1, 2 * refOf.length));
        }
        int ref = refOf[number];
        if (ref == 0) {
            if (usedCount == used.length) {
                used = Arrays.copyOf(used, 2 * usedCount);
            }
            used[usedCount++] = number;
            ref = usedCount;
            refOf[number] = ref;
        }
        records.varLong(ref);
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
            whole.writeByte(numbered ? DailyPack.VERSION : DailyPack.OWN_TEXTS);
            whole.varLong(count);
            whole.zigZag(firstDay);
            if (numbered) {
                whole.varLong(usedCount);
                for (int i = 0; i < usedCount; i++) {
                    whole.varLong(used[i]);
                }
            } else {
                dictionary.writeTo(whole);
            }
            records.writeTo(whole);
            return whole.compress(compressor);
        } finally {
            dictionary.clear();
            for (int i = 0; i < usedCount; i++) {
                refOf[used[i]] = 0;
            }
            usedCount = 0;
            records.reset();
            count = 0;
        }
    }

    /** The encoder's compressor, for what is stored beside its packs (on the same thread). */
    PackCodec.Compressor compressor() {
        return compressor;
    }

    /** Frees the native compressor. */
    void close() {
        compressor.close();
    }
}
