package dev.steward.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.evidence.SourceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one native inventory record (a JSON tree read from YAML, JSON, CSV or XLSX) into a normalized record:
 * redacts secret values first, validates against the published schema, keeps unknown fields as attributes (with a
 * warning), parses times. Every problem names file, line, field and value.
 */
public final class RecordMapper {

    public enum Section {
        PEOPLE("people", NativeSchemas.Kind.PERSON, Set.of("id", "name", "email", "team", "manager", "status", "departedAt"),
                List.of("departedAt")),
        AGENTS("agents", NativeSchemas.Kind.AGENT, Set.of("id", "name", "autonomy", "environment", "team", "owner",
                "backupOwner", "status", "decommissionedAt", "createdAt", "lastReviewedAt", "vendor", "identity",
                "monitoring", "killSwitch", "tools", "grants"),
                List.of("decommissionedAt", "createdAt", "lastReviewedAt", "killSwitch.testedAt")),
        CREDENTIALS("credentials", NativeSchemas.Kind.CREDENTIAL, Set.of("id", "type", "holders", "environment", "issuer",
                "storage", "location", "scopes", "createdAt", "expiresAt", "ttlSeconds", "lastRotatedAt", "lastUsedAt",
                "status", "revokedAt", "exposure"),
                List.of("createdAt", "expiresAt", "lastRotatedAt", "lastUsedAt", "revokedAt", "exposure.at"));

        private final String name;
        private final NativeSchemas.Kind schema;
        private final Set<String> fields;
        /** The time fields of the section's records (dots for nested fields), each read by {@link Times#at}. */
        private final List<String> times;

        Section(String name, NativeSchemas.Kind schema, Set<String> fields, List<String> times) {
            this.name = name;
            this.schema = schema;
            this.fields = fields;
            this.times = times;
        }

        public String sectionName() {
            return name;
        }

        public static Section of(String name) {
            for (Section s : values()) {
                if (s.name.equalsIgnoreCase(name)) {
                    return s;
                }
            }
            return null;
        }
    }

    private final Problems problems;
    private final InventorySink sink;
    private final long uploadId;
    private final java.util.function.Supplier<Instant> foundAt;
    private Map<String, Long> fieldLines = Map.of();
    private final Map<Section, Map<String, String>> seen = new java.util.EnumMap<>(Section.class);

    /** @param foundAt when a secret found now is known to have existed (the inventory's asOf where known) */
    public RecordMapper(Problems problems, InventorySink sink, long uploadId, java.util.function.Supplier<Instant> foundAt) {
        this.problems = problems;
        this.sink = sink;
        this.uploadId = uploadId;
        this.foundAt = foundAt;
    }

    /**
     * Maps one record with every problem on the record's line (CSV and XLSX rows). Ids must be unique within a
     * section across all files of the upload.
     */
    public void map(Section section, ObjectNode node, String file, long line) {
        map(section, node, file, line, Map.of());
    }

    /**
     * Maps one record and delivers it to the sink; a record with errors is reported and not delivered. {@code lines}
     * gives the line of each field (dotted path) where the reader knows it; problems use it, else the record's line.
     */
    public void map(Section section, ObjectNode node, String file, long line, Map<String, Long> lines) {
        map(section, node, null, file, line, lines);
    }

    /**
     * As above, for source adapters: {@code kept} (may be null) holds source facts the adapter keeps on purpose as
     * attributes; they are redacted like every field but not reported as unknown fields.
     */
    public void map(Section section, ObjectNode node, ObjectNode kept, String file, long line, Map<String, Long> lines) {
        map(section, node, kept, file, line, lines, null);
    }

    /**
     * What can be found out about a record before it is mapped, by {@link #check} on a reader's parsing thread so the
     * calling thread does not spend its time on it: its schema violations and whether any of its text values is a
     * secret. Redaction changes only records that hold secrets, so the violations of a clean record stand as found.
     */
    public record Checked(List<NativeSchemas.Violation> violations, boolean clean) {
    }

    /** Checks a record as read, for {@link #map(Section, ObjectNode, String, long, Map, Checked)}. */
    public static Checked check(Section section, ObjectNode node) {
        return new Checked(NativeSchemas.get().validate(section.schema, node), !holdsSecret(node, ""));
    }

    /** Whether {@link #redact} would find a secret in {@code node}: the same walk, the same detector. */
    private static boolean holdsSecret(JsonNode node, String path) {
        if (node instanceof ObjectNode obj) {
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (f.getValue().isTextual() ? SecretScanner.detect(p, f.getValue().asText()).isPresent()
                        : holdsSecret(f.getValue(), p)) {
                    return true;
                }
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                if (arr.get(i).isTextual() ? SecretScanner.detect(path, arr.get(i).asText()).isPresent()
                        : holdsSecret(arr.get(i), path)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * As {@link #map(Section, ObjectNode, String, long, Map)}, with the record already {@link #check checked}: a clean
     * record skips redaction and keeps its violations; one that holds a secret is redacted and validated in place.
     */
    public void map(Section section, ObjectNode node, String file, long line, Map<String, Long> lines, Checked checked) {
        map(section, node, null, file, line, lines, checked);
    }

    private void map(Section section, ObjectNode node, ObjectNode kept, String file, long line, Map<String, Long> lines,
            Checked checked) {
        this.fieldLines = lines;
        long errorsBefore = problems.errorCount();
        String id = node.path("id").isTextual() ? node.path("id").asText() : null;
        List<SecretFinding> secrets = new ArrayList<>();
        boolean asChecked = checked != null && checked.clean();
        if (!asChecked) {
            redact(node, "", section, id, file, line, secrets);
        }
        if (kept != null) {
            redact(kept, "", section, id, file, line, secrets);
        }
        if (id != null) {
            String first = seen.computeIfAbsent(section, k -> new java.util.HashMap<>()).putIfAbsent(id, file + ":" + line);
            if (first != null) {
                problems.error(file, lineOf("id", line), prefixed(section, "id"), id, "duplicate id; first defined at " + first);
            }
        }
        List<NativeSchemas.Violation> violations = asChecked ? checked.violations()
                : NativeSchemas.get().validate(section.schema, node);
        for (NativeSchemas.Violation v : violations) {
            problems.error(file, lineOf(v.field(), line), prefixed(section, v.field()), valueAt(node, v.field()), v.message());
        }
        ObjectNode attributes = kept != null ? kept : node.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!section.fields.contains(f.getKey())) {
                attributes.set(f.getKey(), f.getValue());
                problems.warningOnce(file + "|" + section + "|" + f.getKey(), file, lineOf(f.getKey(), line), prefixed(section, f.getKey()),
                        null, "unknown field kept as an attribute (reported once per file)");
            }
        }
        SourceRef source = new SourceRef(uploadId, file, line);
        Times times = new Times(node, section, file, line);
        if (problems.errorCount() > errorsBefore) {
            // the record is not stored, but its times are still read, so that one answer lists every problem of the
            // upload (a time the schema already refused is not reported twice)
            for (String field : section.times) {
                if (violations.stream().noneMatch(v -> field.equals(v.field()))) {
                    times.at(field);
                }
            }
            return;
        }
        String attrs = attributes.isEmpty() ? null : attributes.toString();
        switch (section) {
            case PEOPLE -> {
                PersonRecord p = new PersonRecord(id, text(node, "name"), text(node, "email"), text(node, "team"),
                        text(node, "manager"), text(node, "status"), times.at("departedAt"), source);
                if (times.ok()) {
                    sink.person(p, attrs);
                }
            }
            case AGENTS -> {
                AgentRecord a = new AgentRecord(id, text(node, "name"),
                        Autonomy.parse(text(node, "autonomy")).orElse(null), text(node, "environment"),
                        text(node, "team"), text(node, "owner"), text(node, "backupOwner"), text(node, "status"),
                        times.at("decommissionedAt"), times.at("createdAt"), times.at("lastReviewedAt"),
                        text(node, "vendor"), text(node, "identity.type"), text(node, "identity.id"),
                        text(node, "monitoring.alertChannel"), text(node, "monitoring.incidentTrigger"),
                        text(node, "monitoring.runbook"), text(node, "killSwitch.method"),
                        times.at("killSwitch.testedAt"), list(node, "tools"), list(node, "grants"), source);
                if (times.ok()) {
                    sink.agent(a, attrs);
                }
            }
            case CREDENTIALS -> {
                Instant exposedAt = times.at("exposure.at");
                String exposureWhere = text(node, "exposure.where");
                SecretFinding first = secrets.isEmpty() ? null : secrets.get(0);
                if (first != null && exposedAt == null && exposureWhere == null) {
                    exposedAt = first.foundAt();
                    exposureWhere = "secret value (" + first.kind() + ") found in " + file + ":" + first.source().line() + " field '"
                            + first.field() + "' during ingestion";
                }
                JsonNode ttl = node.path("ttlSeconds");
                CredentialRecord c = new CredentialRecord(id, text(node, "type"), list(node, "holders"),
                        text(node, "environment"), text(node, "issuer"), text(node, "storage"), text(node, "location"),
                        list(node, "scopes"), times.at("createdAt"), times.at("expiresAt"),
                        ttl.isNumber() ? ttl.asLong() : null, times.at("lastRotatedAt"), times.at("lastUsedAt"),
                        text(node, "status"), times.at("revokedAt"), exposedAt, exposureWhere, source);
                if (times.ok()) {
                    sink.credential(c, attrs);
                }
            }
            default -> throw new IllegalStateException("unknown section " + section);
        }
        secrets.forEach(sink::secret);
    }

    private void redact(JsonNode node, String path, Section section, String id, String file, long line,
            List<SecretFinding> found) {
        if (node instanceof ObjectNode obj) {
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (f.getValue().isTextual()) {
                    redactText(f.getValue().asText(), p, section, id, file, line, found).ifPresent(f::setValue);
                } else {
                    redact(f.getValue(), p, section, id, file, line, found);
                }
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                if (arr.get(i).isTextual()) {
                    int idx = i;
                    redactText(arr.get(i).asText(), path, section, id, file, line, found).ifPresent(r -> arr.set(idx, r));
                } else {
                    redact(arr.get(i), path, section, id, file, line, found);
                }
            }
        }
    }

    private java.util.Optional<TextNode> redactText(String value, String field, Section section, String id, String file,
            long line, List<SecretFinding> found) {
        return SecretScanner.detect(field, value).map(kind -> {
            problems.warning(file, lineOf(field, line), prefixed(section, field), SecretScanner.redacted(kind),
                    "secret value (" + kind + ") found: redacted, never stored"
                            + (section == Section.CREDENTIALS ? "; the credential is treated as exposed" : ""));
            found.add(new SecretFinding(section == Section.CREDENTIALS ? id : null, section == Section.AGENTS ? id : null,
                    kind, prefixed(section, field), foundAt.get(), new SourceRef(uploadId, file, lineOf(field, line))));
            return TextNode.valueOf(SecretScanner.redacted(kind));
        });
    }

    private long lineOf(String field, long recordLine) {
        return field == null ? recordLine : fieldLines.getOrDefault(field, recordLine);
    }

    private static String prefixed(Section section, String field) {
        return field == null ? section.name : section.name + "." + field;
    }

    private static String valueAt(ObjectNode node, String field) {
        JsonNode v = at(node, field);
        return v == null || v.isMissingNode() || v.isContainerNode() ? null : v.asText();
    }

    private static JsonNode at(JsonNode node, String dotted) {
        if (dotted == null) {
            return null;
        }
        if (dotted.indexOf('.') < 0) {
            return node.isArray() && dotted.matches("\\d+") ? node.path(Integer.parseInt(dotted)) : node.path(dotted);
        }
        JsonNode cur = node;
        for (String part : dotted.split("\\.")) {
            cur = cur.isArray() && part.matches("\\d+") ? cur.path(Integer.parseInt(part)) : cur.path(part);
        }
        return cur;
    }

    static String text(JsonNode node, String dotted) {
        JsonNode v = at(node, dotted);
        if (v == null || v.isMissingNode() || v.isNull()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s.trim();
    }

    static List<String> list(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(v.size());
        v.forEach(e -> out.add(e.asText().trim()));
        return out;
    }

    /** Parses the time fields of one record, reporting each bad one. */
    private final class Times {
        private final JsonNode node;
        private final Section section;
        private final String file;
        private final long line;
        private boolean ok = true;

        Times(JsonNode node, Section section, String file, long line) {
            this.node = node;
            this.section = section;
            this.file = file;
            this.line = line;
        }

        Instant at(String field) {
            String t = text(node, field);
            if (t == null) {
                return null;
            }
            return dev.steward.ingest.Times.parse(t).orElseGet(() -> {
                ok = false;
                problems.error(file, lineOf(field, line), prefixed(section, field), t, "not an RFC 3339 date-time or a date (YYYY-MM-DD)");
                return null;
            });
        }

        boolean ok() {
            return ok;
        }
    }
}
