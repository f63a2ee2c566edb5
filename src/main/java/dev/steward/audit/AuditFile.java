package dev.steward.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.steward.report.Inert;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Audit trail files. JSON ({@value AuditChain#FORMAT}): {@code {"format", "exportedAt", "head": {seq, hash},
 * "complete", "events": [...]}}, every entry with its prev_hash and hash, so the chain can be re-verified offline
 * ({@link #verify}); {@code complete} is true when the events run from seq 1 to the head. CSV (RFC 4180, UTF-8) is
 * for reading in a spreadsheet: text that would run as a formula gets a leading apostrophe ({@link Inert}), so verify
 * the JSON, not the CSV. Writers stream: the trail can be long.
 */
public final class AuditFile {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private AuditFile() {
    }

    /** Writes entries as they come; close it to finish the file. */
    public interface EventWriter extends Consumer<AuditEvent>, Closeable {
    }

    /** Starts a JSON file with its head; {@code complete} tells whether all entries up to the head will follow. */
    public static EventWriter json(OutputStream out, AuditLog.Head head, boolean complete, Instant exportedAt) throws IOException {
        JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("format", AuditChain.FORMAT);
        g.writeStringField("exportedAt", exportedAt.toString());
        g.writeObjectFieldStart("head");
        g.writeNumberField("seq", head.seq());
        g.writeStringField("hash", head.hash());
        g.writeEndObject();
        g.writeBooleanField("complete", complete);
        g.writeArrayFieldStart("events");
        return new EventWriter() {
            @Override
            public void accept(AuditEvent e) {
                try {
                    MAPPER.writeValue(g, e);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }

            @Override
            public void close() throws IOException {
                g.writeEndArray();
                g.writeEndObject();
                g.flush();
            }
        };
    }

    /** Starts a CSV file with its header row. */
    public static EventWriter csv(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        row(w, List.of("seq", "occurred_at", "actor", "action", "target", "outcome", "detail", "prev_hash", "hash"));
        return new EventWriter() {
            @Override
            public void accept(AuditEvent e) {
                try {
                    row(w, List.of(Long.toString(e.seq()), AuditChain.time(e.occurredAt()), Inert.text(e.actor()),
                            Inert.text(e.action()), Inert.text(e.target()), Inert.text(e.outcome()), Inert.text(e.detail()),
                            e.prevHash(), e.hash()));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }

            @Override
            public void close() throws IOException {
                w.flush();
            }
        };
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                w.write('"');
                w.write(c.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(c);
            }
        }
        w.write("\r\n");
    }

    /** The head and entries of a JSON audit file, read whole (a bundle's slice: one period). */
    public record Contents(AuditLog.Head head, List<AuditEvent> events) {
    }

    public static Contents read(InputStream in) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root = MAPPER.readTree(in);
        if (root == null || !AuditChain.FORMAT.equals(root.path("format").asText())) {
            throw new IOException("not an audit file of format " + AuditChain.FORMAT);
        }
        List<AuditEvent> events = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode e : root.path("events")) {
            events.add(MAPPER.treeToValue(e, AuditEvent.class));
        }
        return new Contents(MAPPER.treeToValue(root.path("head"), AuditLog.Head.class), events);
    }

    /** What an offline check of a JSON file found, with the head the file recorded. */
    public record FileCheck(AuditLog.Head head, boolean complete, AuditVerification verification) {
    }

    /**
     * Re-verifies the chain of a JSON audit file without a database: every entry's hash and link; a complete file
     * must start at seq 1 and end at its head; a slice (an evidence bundle's period) is checked from its first entry.
     */
    public static FileCheck verify(InputStream in) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an audit file: expected a JSON object");
            }
            AuditLog.Head head = null;
            boolean complete = false;
            String format = null;
            AuditVerification result = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                p.nextToken();
                switch (field) {
                    case "format" -> format = p.getText();
                    case "head" -> head = p.readValueAs(AuditLog.Head.class);
                    case "complete" -> complete = p.getBooleanValue();
                    case "events" -> result = events(p, complete, head);
                    default -> p.skipChildren();
                }
            }
            if (!AuditChain.FORMAT.equals(format)) {
                throw new IOException("not an audit file of format " + AuditChain.FORMAT + " (format: " + format + ")");
            }
            if (result == null) {
                throw new IOException("the audit file has no events array");
            }
            return new FileCheck(head, complete, result);
        }
    }

    private static AuditVerification events(JsonParser p, boolean complete, AuditLog.Head head) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IOException("events must be an array");
        }
        ChainVerifier v = null;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            AuditEvent e = p.readValueAs(AuditEvent.class);
            if (v == null) {
                v = new ChainVerifier(complete || e.seq() == 1);
            }
            v.accept(e);
        }
        if (v == null) {
            v = new ChainVerifier(complete);
        }
        return complete && head != null ? v.finish(head.seq(), head.hash()) : v.finish(null, null);
    }
}
