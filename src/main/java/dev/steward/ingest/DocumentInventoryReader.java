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
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a native inventory document (YAML or JSON) record by record with a streaming parser, so memory holds one
 * record at a time whatever the document's size. Hostile documents (alias bombs, deep nesting, huge size) end in a
 * clear {@link IngestException}.
 */
public final class DocumentInventoryReader {

    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "asOf", "source", "people", "agents",
            "credentials");

    private final IngestConfig limits;

    public DocumentInventoryReader(IngestConfig limits) {
        this.limits = limits;
    }

    /**
     * Reads the document; {@code yaml} chooses the parser. Returns the document's kind (Inventory or People). The
     * parser runs ahead on a thread of its own ({@link ParseAhead}); everything else happens on the calling thread,
     * in document order.
     */
    public String read(String file, InputStream in, boolean yaml, RecordMapper mapper, Problems problems, InventorySink sink)
            throws IOException {
        InputStream bounded = new SizeLimit(in, limits.maxDocumentBytes(), file);
        ObjectMapper om = new ObjectMapper(factory(yaml));
        String[] kind = {null};
        TreeReader trees = new TreeReader(file, limits.maxYamlAliases());
        try (JsonParser p = om.getFactory().createParser(bounded)) {
            ParseAhead.run(file, emit -> parse(p, file, yaml, trees, emit, mapper, problems, sink, kind));
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

    /** The parsing half: reads tokens and trees, and emits what to do with them (run on the calling thread). */
    private void parse(JsonParser p, String file, boolean yaml, TreeReader trees, Consumer<ParseAhead.Step> emit,
            RecordMapper mapper, Problems problems, InventorySink sink, String[] kind) throws IOException {
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
                emit.accept(() -> sink.section(section));
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    long recordLine = p.currentTokenLocation().getLineNr();
                    TreeReader.Read record = trees.read(p, true);
                    emit.accept(() -> {
                        record.report(problems, file);
                        mapper.map(section, (ObjectNode) record.node(), file, recordLine, record.lines());
                    });
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    long at = p.currentTokenLocation().getLineNr();
                    String text = p.getText();
                    emit.accept(() -> problems.error(file, at, field, text, "every entry of '" + field
                            + "' must be a mapping of fields"));
                    p.skipChildren();
                }
                continue;
            }
            JsonNode value = trees.read(p, false).node();
            emit.accept(() -> topLevel(file, field, line, value, problems, sink, kind));
        }
    }

    private static void topLevel(String file, String field, long line, JsonNode value, Problems problems, InventorySink sink,
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
