package dev.steward.ingest.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestException;
import dev.steward.ingest.LineReader;
import dev.steward.ingest.Problems;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Streams the JSON records of a source file one at a time, whatever the encoding the source writes: JSON Lines
 * (one object per line, optionally behind a {@code docker compose} log prefix), pretty-printed objects one after the
 * other, a top-level array, a wrapper object whose record array is named by the adapter ({@code Records}, {@code items},
 * ...), or YAML documents. Each record keeps the line it starts on. In JSON Lines a bad line is a problem and reading
 * goes on; in a document a syntax error ends the file with a problem naming the line.
 */
public final class JsonRecords {

    /** Receives records; {@code container} is the wrapper array's field name, or null for a top-level record. */
    public interface Handler {

        void record(String container, ObjectNode record, long line) throws IOException;

        /** The other fields of a wrapper object (e.g. GeneratedTime, kind), after its records. */
        default void wrapperFields(ObjectNode fields, long line) throws IOException {
        }
    }

    /** Strings in documents may be larger than one log line (an AWS credential report is one JSON string). */
    private static final int MIN_DOCUMENT_STRING = 16 << 20;
    private static final Pattern COMPOSE_PREFIX = Pattern.compile("^[A-Za-z0-9_.-]+\\s*\\|\\s?(?=[{\\[])");

    private final IngestConfig limits;
    private final Set<String> recordArrays;
    private final ObjectMapper lineMapper;
    private final ObjectMapper documentMapper;
    private final ObjectMapper yamlMapper;

    /** @param recordArrays field names of wrapper objects whose array elements are the records */
    public JsonRecords(IngestConfig limits, Set<String> recordArrays) {
        this.limits = limits;
        this.recordArrays = recordArrays;
        StreamReadConstraints line = StreamReadConstraints.builder().maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxLineBytes()).build();
        StreamReadConstraints document = StreamReadConstraints.builder().maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(Math.max(limits.maxLineBytes(), MIN_DOCUMENT_STRING)).build();
        this.lineMapper = new ObjectMapper(JsonFactory.builder().streamReadConstraints(line).build());
        this.documentMapper = new ObjectMapper(JsonFactory.builder().streamReadConstraints(document)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build());
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxYamlAliases());
        options.setNestingDepthLimit(limits.maxNestingDepth());
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxDocumentBytes()));
        this.yamlMapper = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).streamReadConstraints(document)
                .build());
    }

    /** Reads every record of the file. {@code yaml} selects the YAML parser (one or more documents). */
    public void read(String file, InputStream raw, boolean yaml, Problems problems, Handler handler) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        if (!yaml && lineStructured(in)) {
            readLines(file, in, problems, handler);
        } else {
            readDocument(file, in, yaml ? yamlMapper : documentMapper, problems, handler);
        }
    }

    /** True when the first non-blank line is one complete JSON object that is not a wrapper of records. */
    private boolean lineStructured(BufferedInputStream in) throws IOException {
        int peek = Math.min(limits.maxLineBytes(), 1 << 16);
        in.mark(peek + 1);
        byte[] head = in.readNBytes(peek);
        in.reset();
        String text = new String(head, StandardCharsets.UTF_8);
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = text.indexOf('\n', start);
        if (end < 0) {
            if (head.length == peek) {
                return false;
            }
            end = text.length();
        }
        String first = stripPrefix(text.substring(start, end).trim());
        if (!first.startsWith("{")) {
            return false;
        }
        try {
            JsonNode node = lineMapper.readTree(first);
            if (!(node instanceof ObjectNode obj)) {
                return false;
            }
            for (String key : recordArrays) {
                if (obj.path(key).isArray()) {
                    return false;
                }
            }
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Removes a {@code docker compose} service prefix ({@code opa_1   | {...}}). */
    static String stripPrefix(String line) {
        if (line.startsWith("{") || line.startsWith("[")) {
            return line;
        }
        Matcher m = COMPOSE_PREFIX.matcher(line);
        return m.find() ? line.substring(m.end()) : line;
    }

    private void readLines(String file, InputStream in, Problems problems, Handler handler) throws IOException {
        LineReader lines = new LineReader(file, in, limits.maxLineBytes());
        String text;
        while ((text = lines.next()) != null) {
            String t = stripPrefix(text.trim());
            if (t.isEmpty()) {
                continue;
            }
            long n = lines.lineNumber();
            JsonNode node;
            try {
                node = lineMapper.readTree(t);
            } catch (StreamConstraintsException e) {
                problems.error(file, n, null, null, e.getOriginalMessage() + " (steward.ingest.max-nesting-depth)");
                continue;
            } catch (JsonProcessingException e) {
                problems.error(file, n, null, null, "not valid JSON: " + e.getOriginalMessage());
                continue;
            }
            if (!(node instanceof ObjectNode obj)) {
                problems.error(file, n, null, null, "expected one JSON object per line");
                continue;
            }
            deliver(obj, n, handler);
        }
    }

    private void deliver(ObjectNode obj, long line, Handler handler) throws IOException {
        boolean wrapper = false;
        for (String key : recordArrays) {
            JsonNode array = obj.path(key);
            if (array.isArray()) {
                wrapper = true;
                for (JsonNode element : array) {
                    if (element instanceof ObjectNode record) {
                        handler.record(key, record, line);
                    }
                }
                obj.remove(key);
            }
        }
        if (wrapper) {
            handler.wrapperFields(obj, line);
        } else {
            handler.record(null, obj, line);
        }
    }

    private void readDocument(String file, InputStream in, ObjectMapper mapper, Problems problems, Handler handler)
            throws IOException {
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                long line = p.currentTokenLocation().getLineNr();
                if (t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                        long elementLine = p.currentTokenLocation().getLineNr();
                        JsonNode element = mapper.readTree(p);
                        if (element instanceof ObjectNode obj) {
                            handler.record(null, obj, elementLine);
                        } else {
                            problems.error(file, elementLine, null, null, "expected an array of JSON objects");
                        }
                    }
                } else if (t == JsonToken.START_OBJECT) {
                    readObject(p, mapper, line, handler);
                } else if (t != JsonToken.VALUE_NULL) {
                    problems.error(file, line, null, p.getText(), "expected JSON objects, an array of objects or a"
                            + " wrapper object");
                    p.skipChildren();
                }
            }
        } catch (StreamConstraintsException e) {
            throw new IngestException(file + ": " + e.getOriginalMessage() + " (steward.ingest.max-nesting-depth)");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            problems.error(file, loc == null ? 0 : loc.getLineNr(), null, null,
                    "not valid " + (mapper == yamlMapper ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
        }
    }

    /** One top-level object: a wrapper whose record arrays are streamed element by element, or itself a record. */
    private void readObject(JsonParser p, ObjectMapper mapper, long line, Handler handler) throws IOException {
        ObjectNode fields = mapper.createObjectNode();
        boolean wrapper = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY && recordArrays.contains(name)) {
                wrapper = true;
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY && e != null) {
                    long elementLine = p.currentTokenLocation().getLineNr();
                    JsonNode element = mapper.readTree(p);
                    if (element instanceof ObjectNode obj) {
                        handler.record(name, obj, elementLine);
                    }
                }
            } else {
                fields.set(name, mapper.readTree(p));
            }
        }
        if (wrapper) {
            handler.wrapperFields(fields, line);
        } else {
            handler.record(null, fields, line);
        }
    }
}
