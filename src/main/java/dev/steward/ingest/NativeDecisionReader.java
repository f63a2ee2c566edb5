package dev.steward.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads native decision logs (JSON Lines, optionally gzip) line by line with a bounded line buffer and a streaming
 * token loop (no object tree per line). Implements the rules of {@code schemas/decision.schema.json}; a test proves
 * both agree. Every bad line becomes a problem naming file, line, field and value; reading goes on to list them all.
 * Decompression and line splitting run ahead on a thread of their own ({@link ParseAhead}), so they overlap with the
 * parsing on the calling thread; lines are still parsed, and problems listed, in file order.
 */
public final class NativeDecisionReader {

    /**
     * Whether a field's values come from a small vocabulary (tools, actions, scopes, reasons, risks, environments):
     * those are read through {@link TextCache}, small enough to stay in the processor's cache. Ids, agents,
     * credentials, policies, resources and triggers take many values each and are read as new strings: looking them
     * up in a table large enough to hold them costs more memory stalls than the string.
     */
    private static boolean smallVocabulary(String field) {
        return switch (field) {
            case "tool", "action", "scope", "decision", "reason", "risk", "environment" -> true;
            default -> false;
        };
    }

    private final JsonFactory json;
    private final IngestConfig limits;
    /** One per reader: parsing runs on the calling thread only, line after line. */
    private final TextCache texts = new TextCache(12);
    private final Fields fields = new Fields();

    public NativeDecisionReader(IngestConfig limits) {
        this.limits = limits;
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxNestingDepth()).build())
                .build();
    }

    /** Reads every line; {@code progress} receives the line count every 10,000 lines. Returns lines read. */
    public long read(String file, InputStream in, Problems problems, DecisionSink sink, LongConsumer progress)
            throws IOException {
        LineReader lines = new LineReader(file, in, limits.maxLineBytes());
        long[] count = {0};
        // gunzip and line splitting run ahead on a thread of their own; JSON, validation and the secret scan here
        ParseAhead.run(file, 1024, 16, emit -> {
            byte[] bytes;
            while ((bytes = lines.nextBytes()) != null) {
                long n = lines.lineNumber();
                byte[] b = bytes;
                emit.accept(() -> {
                    if (!blank(b)) {
                        parse(file, n, b, problems, sink);
                        count[0]++;
                    }
                    if (n % 10_000 == 0) {
                        progress.accept(n);
                    }
                });
            }
            long last = lines.lineNumber();
            emit.accept(() -> progress.accept(last));
        });
        return count[0];
    }

    /** Whether a line is empty or white space only, as {@link String#isBlank()} says of its text. */
    private static boolean blank(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return new String(b, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(x)) {
                return false;
            }
        }
        return true;
    }

    private void parse(String file, long line, byte[] text, Problems problems, DecisionSink sink) throws IOException {
        Fields f = fields;
        f.clear();
        long errorsBefore = problems.errorCount();
        try (JsonParser p = json.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.error(file, line, null, null, "expected one JSON object per line");
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "onBehalfOf" -> f.onBehalfOf = chain(p, t, file, line, problems);
                    case "client" -> client(p, t, f, file, line, problems, sink);
                    default -> field(name, p, t, f, file, line, problems, sink);
                }
            }
            if (p.nextToken() != null) {
                problems.error(file, line, null, null, "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            problems.error(file, line, null, null, "not valid JSON: " + e.getOriginalMessage());
            return;
        }
        Instant time = null;
        if (f.simpleTime) {
            time = Instant.ofEpochSecond(f.seconds);
        } else if (f.time == null) {
            problems.error(file, line, "time", null, "required field missing");
        } else {
            time = Times.parse(f.time).orElse(null);
            if (time == null) {
                problems.error(file, line, "time", f.time, "not an RFC 3339 date-time");
            }
        }
        Boolean allowed = null;
        if (f.decision == null) {
            problems.error(file, line, "decision", null, "required field missing (allow or deny)");
        } else {
            if (f.decision.equalsIgnoreCase("allow")) {
                allowed = true;
            } else if (f.decision.equalsIgnoreCase("deny")) {
                allowed = false;
            } else {
                problems.error(file, line, "decision", f.decision, "expected allow or deny");
            }
        }
        if (f.agent == null && f.credential == null) {
            problems.error(file, line, "agent", null, "at least one of agent or credential is required");
        }
        if (f.secrets != null) {
            for (String[] s : f.secrets) {
                sink.secret(f.credential, f.agent, s[0], s[1], time, file, line);
            }
        }
        if (problems.errorCount() > errorsBefore) {
            return;
        }
        sink.decision(new DecisionLine(f.id, time, f.agent, f.credential, f.onBehalfOf, f.tool, f.action, f.resource,
                f.scope, allowed, f.policy, f.reason, f.trigger, f.approval, f.risk, f.environment, f.interactive,
                f.userAgent, file, line));
    }

    private void field(String name, JsonParser p, JsonToken t, Fields f, String file, long line, Problems problems,
            DecisionSink sink) throws IOException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            if (Fields.KNOWN.contains(name)) {
                problems.error(file, line, name, null, "expected a string");
            } else {
                problems.warningOnce(file + "|" + name, file, line, name, null, "unknown field ignored (reported once per file)");
            }
            return;
        }
        if (t == JsonToken.VALUE_STRING && name.equals("time")) {
            long seconds = Times.utcSeconds(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (seconds != Times.NOT_SIMPLE) {
                f.time = null;
                f.simpleTime = true;
                f.seconds = seconds;
                return;
            }
        }
        String v;
        if (t == JsonToken.VALUE_STRING && smallVocabulary(name)) {
            v = texts.find(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (v == null) {
                v = p.getText();
                v = scanned(name, v, f, file, line, problems, true);
            }
        } else {
            v = t == JsonToken.VALUE_NULL ? null : p.getText();
            if (v != null) {
                v = scanned(name, v, f, file, line, problems, false);
            }
        }
        if (v != null && t != JsonToken.VALUE_STRING && Fields.KNOWN.contains(name)) {
            problems.error(file, line, name, v, "expected a string");
            return;
        }
        if (!f.set(name, v)) {
            problems.warningOnce(file + "|" + name, file, line, name, null, "unknown field ignored (reported once per file)");
        }
    }

    /**
     * The value, or its redaction when it is or holds a secret (then the problem is listed and the secret noted for
     * the credential); a clean value of a repeating field is put in the cache, so its next occurrences skip the scan.
     */
    private String scanned(String name, String v, Fields f, String file, long line, Problems problems, boolean cache) {
        String kind = SecretScanner.detect(name, v).orElse(null);
        if (kind == null) {
            if (cache) {
                texts.put(v);
            }
            return v;
        }
        String redacted = SecretScanner.redacted(kind);
        problems.warning(file, line, name, redacted, "secret value (" + kind + ") found: redacted, never stored");
        f.secret(kind, name);
        return redacted;
    }

    /**
     * A user agent (a small vocabulary, not scanned for secrets as it never was): the cached instance when
     * there is one; a new string is cached only when the scanner finds it clean, so a cached string is always clean.
     */
    private String unscanned(JsonParser p) throws IOException {
        String v = texts.find(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (v != null) {
            return v;
        }
        v = p.getText();
        if (SecretScanner.detect(null, v).isEmpty()) {
            texts.put(v);
        }
        return v;
    }

    private List<String> chain(JsonParser p, JsonToken t, String file, long line, Problems problems) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            problems.error(file, line, "onBehalfOf", p.getText(), "expected a list of agent or person ids");
            p.skipChildren();
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (e != JsonToken.VALUE_STRING) {
                problems.error(file, line, "onBehalfOf", p.getText(), "expected a list of agent or person ids");
                p.skipChildren();
            } else {
                out.add(p.getText());
            }
        }
        return out;
    }

    private void client(JsonParser p, JsonToken t, Fields f, String file, long line, Problems problems, DecisionSink sink)
            throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            problems.error(file, line, "client", p.getText(), "expected an object with interactive and userAgent");
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("interactive")) {
                if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
                    f.interactive = v == JsonToken.VALUE_TRUE;
                } else if (v != JsonToken.VALUE_NULL) {
                    problems.error(file, line, "client.interactive", p.getText(), "expected true or false");
                    p.skipChildren();
                }
            } else if (name.equals("userAgent") && (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL)) {
                f.userAgent = v == JsonToken.VALUE_NULL ? null : unscanned(p);
            } else {
                p.skipChildren();
                problems.warningOnce(file + "|client." + name, file, line, "client." + name, null,
                        "unknown field ignored (reported once per file)");
            }
        }
    }

    /** Mutable holder of one line's fields. */
    private static final class Fields {
        static final java.util.Set<String> KNOWN = java.util.Set.of("id", "time", "agent", "credential", "tool", "action",
                "resource", "scope", "decision", "policy", "reason", "trigger", "approval", "risk", "environment");
        String id, time, agent, credential, tool, action, resource, scope, decision, policy, reason, trigger, approval,
                risk, environment, userAgent;
        /** The time was of the common UTC form: {@code seconds} holds it and {@code time} is null. */
        boolean simpleTime;
        long seconds;
        List<String> onBehalfOf = List.of();
        Boolean interactive;
        /** Kind and field of each secret found on the line; null when none. */
        List<String[]> secrets;

        /** Empties the holder for the next line (one holder serves every line of a reader). */
        void clear() {
            id = time = agent = credential = tool = action = resource = scope = decision = policy = reason = trigger
                    = approval = risk = environment = userAgent = null;
            simpleTime = false;
            seconds = 0;
            onBehalfOf = List.of();
            interactive = null;
            secrets = null;
        }

        void secret(String kind, String field) {
            if (secrets == null) {
                secrets = new ArrayList<>(1);
            }
            secrets.add(new String[] {kind, field});
        }

        boolean set(String name, String v) {
            String value = v == null || v.isBlank() ? null : v;
            switch (name) {
                case "id" -> id = value;
                case "time" -> {
                    time = value;
                    simpleTime = false;
                }
                case "agent" -> agent = value;
                case "credential" -> credential = value;
                case "tool" -> tool = value;
                case "action" -> action = value;
                case "resource" -> resource = value;
                case "scope" -> scope = value;
                case "decision" -> decision = value;
                case "policy" -> policy = value;
                case "reason" -> reason = value;
                case "trigger" -> trigger = value;
                case "approval" -> approval = value;
                case "risk" -> risk = value;
                case "environment" -> environment = value;
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
