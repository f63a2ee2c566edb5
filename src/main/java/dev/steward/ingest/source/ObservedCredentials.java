package dev.steward.ingest.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.ingest.Problems;
import dev.steward.ingest.RecordMapper;
import dev.steward.ingest.SourceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Credentials a decision log shows in use or being issued (Vault tokens, STS sessions), gathered while the log is
 * read and delivered once at the end, one record per credential id with the first line that showed it. Bounded: past
 * {@code max} distinct credentials the rest are counted in a warning, never held.
 */
public final class ObservedCredentials {

    /**
     * One credential being gathered: its native-shaped fields, the attributes kept from the source, and the latest
     * times seen per field (written into the fields on delivery, so a busy log does not re-parse them per line).
     */
    public record Entry(ObjectNode node, ObjectNode attributes, String file, long line, Map<String, Instant> latest) {

        /** Keeps the later of the recorded and the given time in a time field. */
        public void later(String field, Instant at) {
            if (at != null) {
                latest.merge(field, at, (a, b) -> a.isAfter(b) ? a : b);
            }
        }

        void settle() {
            latest.forEach((field, at) -> {
                Instant recorded = SourceTimes.parse(Json.text(node, field)).orElse(null);
                if (recorded == null || at.isAfter(recorded)) {
                    node.put(field, at.toString());
                }
            });
        }
    }

    private final int max;
    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private long dropped;

    public ObservedCredentials(int max) {
        this.max = max;
    }

    /** The entry of the credential (created on first sight), or null when the bound is reached. */
    public Entry observe(String id, String file, long line, Problems problems) {
        Entry e = byId.get(id);
        if (e != null) {
            return e;
        }
        if (byId.size() >= max) {
            dropped++;
            problems.warningOnce("observed-credentials-limit", file, line, "credential", null,
                    "more than " + max + " distinct credentials in one upload: the rest are not recorded as credentials"
                            + " (their decisions are)");
            return null;
        }
        ObjectNode node = Json.object().put("id", id);
        e = new Entry(node, Json.object(), file, line, new java.util.HashMap<>(2));
        byId.put(id, e);
        return e;
    }

    public Entry get(String id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }

    public long dropped() {
        return dropped;
    }

    /** Delivers every gathered credential through the record mapper. */
    public void deliver(SourceContext context) {
        if (byId.isEmpty()) {
            return;
        }
        context.section(RecordMapper.Section.CREDENTIALS);
        for (Entry e : byId.values()) {
            e.settle();
            context.record(RecordMapper.Section.CREDENTIALS, e.node(), e.attributes().isEmpty() ? null : e.attributes(),
                    e.file(), e.line());
        }
        byId.clear();
    }
}
