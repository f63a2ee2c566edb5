package dev.steward.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a native inventory document (YAML or JSON) record by record with a streaming parser, so memory holds one
 * record at a time whatever the document's size. Hostile documents (alias bombs, deep nesting, huge size) end in a
 * clear {@link IngestException}. YAML that can be opened again is read by {@link FastYaml}, several times faster than
 * Jackson's YAML parser, which takes over exactly where the fast reader gives up (docs/adr/0007).
 */
public final class DocumentInventoryReader {

    private static final Logger LOG = Logger.getLogger(DocumentInventoryReader.class);

    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "asOf", "source", "people", "agents",
            "credentials");

    private final IngestConfig limits;

    public DocumentInventoryReader(IngestConfig limits) {
        this.limits = limits;
    }

    /**
     * Reads the document; {@code yaml} chooses the parser. Returns the document's kind (Inventory or People). The
     * parser runs ahead on a thread of its own ({@link ParseAhead}); everything else happens on the calling thread,
     * in document order. YAML is read with Jackson's YAML parser only: see the overload for the fast path.
     */
    public String read(String file, InputStream in, boolean yaml, RecordMapper mapper, Problems problems, InventorySink sink)
            throws IOException {
        return read(file, in, null, yaml, mapper, problems, sink);
    }

    /**
     * {@link #read(String, InputStream, boolean, RecordMapper, Problems, InventorySink)}, reading YAML with the fast
     * reader ({@link FastYaml}) when {@code reopen} can open the document again (decoded as {@code in} is): where the
     * fast reader gives up, Jackson's YAML parser reads the document again from the start and carries on from there,
     * skipping what the fast reader already delivered, so records, field lines and problems are exactly Jackson's.
     */
    public String read(String file, InputStream in, Reopen reopen, boolean yaml, RecordMapper mapper, Problems problems,
            InventorySink sink) throws IOException {
        String[] kind = {null};
        try {
            ParseAhead.run(file, emit -> {
                Found found = new Steps(emit, file, mapper, problems, sink, kind);
                if (yaml && reopen != null && !((YAMLFactory) factory(true))
                        .isEnabled(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)) {
                    readYaml(file, in, reopen, found);
                } else {
                    path = Path.JACKSON;
                    jackson(file, in, yaml, found);
                }
            });
        } catch (StreamConstraintsException e) {
            throw new IngestException(file + ": " + e.getOriginalMessage() + " (steward.ingest.max-nesting-depth)");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw parseError(file, e);
        }
        if (kind[0] == null || !(kind[0].equals("Inventory") || kind[0].equals("People"))) {
            problems.error(file, 1, "kind", kind[0], "expected kind: Inventory (or People)");
        }
        return kind[0];
    }

    /** Opens a document again from its start. */
    @FunctionalInterface
    public interface Reopen {
        InputStream open() throws IOException;
    }

    /** Which parser read the last document: for tests and the debug log. */
    enum Path {
        JACKSON, FAST, FALLBACK
    }

    private volatile Path path;
    private volatile long fallbackAfter = -1;

    Path lastPath() {
        return path;
    }

    /** How many findings the fast reader delivered before the last fallback (-1 without one). */
    long lastFallbackAfter() {
        return fallbackAfter;
    }

    private void readYaml(String file, InputStream in, Reopen reopen, Found found) throws IOException {
        FastYaml.Outcome outcome = new FastYaml(new YamlLines(in, limits.maxDocumentBytes(), limits.maxLineBytes()), limits.maxNestingDepth(),
                emptyIsNull(), found).read();
        if (outcome.complete()) {
            path = Path.FAST;
            return;
        }
        path = Path.FALLBACK;
        fallbackAfter = outcome.released();
        LOG.debugf("%s: the fast YAML reader stopped at line %d (%s); the full parser reads on after %d findings", file,
                outcome.line(), outcome.reason(), outcome.released());
        try (InputStream again = reopen.open()) {
            jackson(file, again, true, new Skip(found, outcome.released()));
        }
    }

    /** The Jackson path: reads the whole document (within the limits) and reports to {@code found}. */
    void jackson(String file, InputStream in, boolean yaml, Found found) throws IOException {
        InputStream bounded = new SizeLimit(in, limits.maxDocumentBytes(), file);
        ObjectMapper om = new ObjectMapper(factory(yaml));
        TreeReader trees = new TreeReader(file, limits.maxYamlAliases());
        try (JsonParser p = om.getFactory().createParser(bounded)) {
            parse(p, file, yaml, trees, found);
        }
    }

    /**
     * What a parser finds in a document, in document order; each call becomes one step of the calling thread. Both
     * the fast reader and the Jackson path report through it, which is what makes a fallback exact.
     */
    interface Found {
        void section(RecordMapper.Section section);

        void record(RecordMapper.Section section, long line, TreeReader.Read record);

        void notMapping(String field, long line, String text);

        void topLevel(String field, long line, JsonNode value);
    }

    /** Turns findings into steps for the calling thread. */
    private record Steps(Consumer<ParseAhead.Step> emit, String file, RecordMapper mapper, Problems problems,
            InventorySink sink, String[] kind) implements Found {

        @Override
        public void section(RecordMapper.Section section) {
            emit.accept(() -> sink.section(section));
        }

        @Override
        public void record(RecordMapper.Section section, long line, TreeReader.Read record) {
            ObjectNode node = (ObjectNode) record.node();
            RecordMapper.Checked checked = RecordMapper.check(section, node);
            emit.accept(() -> {
                record.report(problems, file);
                mapper.map(section, node, file, line, record.lines(), checked);
            });
        }

        @Override
        public void notMapping(String field, long line, String text) {
            emit.accept(() -> problems.error(file, line, field, text, "every entry of '" + field
                    + "' must be a mapping of fields"));
        }

        @Override
        public void topLevel(String field, long line, JsonNode value) {
            emit.accept(() -> DocumentInventoryReader.topLevel(file, field, line, value, problems, sink, kind));
        }
    }

    /** {@code to} without its first {@code count} findings. */
    static Found skipping(Found to, long count) {
        return new Skip(to, count);
    }

    /** Drops the first {@code count} findings (the fast reader delivered them) and passes on the rest. */
    private static final class Skip implements Found {
        private final Found to;
        private long left;

        Skip(Found to, long count) {
            this.to = to;
            this.left = count;
        }

        private boolean skip() {
            return left > 0 && left-- > 0;
        }

        @Override
        public void section(RecordMapper.Section section) {
            if (!skip()) {
                to.section(section);
            }
        }

        @Override
        public void record(RecordMapper.Section section, long line, TreeReader.Read record) {
            if (!skip()) {
                to.record(section, line, record);
            }
        }

        @Override
        public void notMapping(String field, long line, String text) {
            if (!skip()) {
                to.notMapping(field, line, text);
            }
        }

        @Override
        public void topLevel(String field, long line, JsonNode value) {
            if (!skip()) {
                to.topLevel(field, line, value);
            }
        }
    }

    /** The parsing half: reads tokens and trees, and reports what it found. */
    void parse(JsonParser p, String file, boolean yaml, TreeReader trees, Found found) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IngestException(file + ": expected a " + (yaml ? "YAML mapping" : "JSON object")
                    + " with apiVersion: steward/v1 and kind: Inventory at the top");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            long line = p.currentTokenLocation().getLineNr();
            JsonToken t = p.nextToken();
            RecordMapper.Section section = RecordMapper.Section.of(field);
            if (section != null && t == JsonToken.START_ARRAY) {
                found.section(section);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    long recordLine = p.currentTokenLocation().getLineNr();
                    found.record(section, recordLine, trees.read(p, true));
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    found.notMapping(field, p.currentTokenLocation().getLineNr(), p.getText());
                    p.skipChildren();
                }
                continue;
            }
            found.topLevel(field, line, trees.read(p, false).node());
        }
    }

    static void topLevel(String file, String field, long line, JsonNode value, Problems problems, InventorySink sink,
            String[] kind) {
        switch (field) {
            case "apiVersion" -> {
                if (!"steward/v1".equals(value.asText())) {
                    problems.error(file, line, "apiVersion", value.asText(), "expected steward/v1");
                }
            }
            case "kind" -> kind[0] = value.asText();
            case "asOf" -> {
                String asOfText = value.isNull() ? null : value.asText();
                java.time.Instant at = Times.parse(asOfText).orElse(null);
                if (asOfText != null && at == null) {
                    problems.error(file, line, "asOf", asOfText, "not an RFC 3339 date-time or a date (YYYY-MM-DD)");
                }
                sink.meta(at, null);
            }
            case "source" -> sink.meta(null, value.isNull() ? null : value.asText());
            default -> {
                if (!TOP_LEVEL.contains(field) || !(value == null || value.isNull())) {
                    problems.warning(file, line, field, null, TOP_LEVEL.contains(field)
                            ? "expected a list of records" : "unknown top-level field ignored");
                }
            }
        }
    }

    /**
     * Whether the YAML parser reads an empty value as null: the builder leaves YAMLParser's EMPTY_STRING_AS_NULL off,
     * so empty values are empty strings; the fast reader follows whatever the factory says.
     */
    boolean emptyIsNull() {
        return ((YAMLFactory) factory(true)).isEnabled(YAMLParser.Feature.EMPTY_STRING_AS_NULL);
    }

    private JsonFactory factory(boolean yaml) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxLineBytes())
                .build();
        if (yaml) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(limits.maxYamlAliases());
            options.setNestingDepthLimit(limits.maxNestingDepth());
            options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxDocumentBytes()));
            options.setAllowDuplicateKeys(false);
            YAMLFactory f = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints).build();
            return f;
        }
        return JsonFactory.builder().streamReadConstraints(constraints).build();
    }

    static IngestException parseError(String file, com.fasterxml.jackson.core.JsonProcessingException e) {
        var loc = e.getLocation();
        String where = loc == null ? file : file + ":" + loc.getLineNr();
        String msg = e.getOriginalMessage();
        if (msg != null && msg.contains("aliases")) {
            msg += " (steward.ingest.max-yaml-aliases)";
        } else if (msg != null && msg.toLowerCase().contains("nesting")) {
            msg += " (steward.ingest.max-nesting-depth)";
        }
        return new IngestException(where + ": " + msg, e);
    }

    /** Fails the read once more than {@code max} bytes went through. */
    static final class SizeLimit extends java.io.FilterInputStream {
        private final long max;
        private final String file;
        private long count;

        SizeLimit(InputStream in, long max, String file) {
            super(in);
            this.max = max;
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw tooBig();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) {
                throw tooBig();
            }
            return n;
        }

        private IngestException tooBig() {
            return new IngestException(file + ": document larger than " + max + " bytes (steward.ingest.max-document-bytes)");
        }
    }
}
