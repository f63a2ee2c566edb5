package dev.steward.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document with the Jackson path and with the fast reader, and records what each found, so tests can
 * compare them finding by finding (record trees, field lines, top-level values, lines, and how the Jackson path
 * ended when it failed).
 */
final class YamlDifferential {

    /** One finding; {@code node} and {@code lines} are compared deeply (node types included). */
    record Finding(String what, String section, String field, long line, JsonNode node, Map<String, Long> lines,
            String text) {
    }

    /** What a path found, and how it ended: null when it read the whole document, else the failure's message. */
    record Result(List<Finding> findings, String failure) {
    }

    /** The fast reader's outcome with what it delivered. */
    record Fast(FastYaml.Outcome outcome, List<Finding> findings) {
    }

    private final IngestConfig limits;
    private final long failAt;

    YamlDifferential(IngestConfig limits) {
        this(limits, Long.MAX_VALUE);
    }

    private YamlDifferential(IngestConfig limits, long failAt) {
        this.limits = limits;
        this.failAt = failAt;
    }

    /** The same, reading documents through an input that fails once {@code offset} bytes have been read. */
    YamlDifferential failingAt(long offset) {
        return new YamlDifferential(limits, offset);
    }

    private InputStream open(byte[] doc) {
        return new FilterInputStream(new ByteArrayInputStream(doc)) {
            long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position >= failAt) {
                    throw new IOException("disk on fire");
                }
                int n = super.read(b, off, (int) Math.min(len, failAt - position));
                position += Math.max(n, 0);
                return n;
            }
        };
    }

    YamlDifferential() {
        this(new TestLimits());
    }

    static byte[] utf8(String yaml) {
        return yaml.getBytes(StandardCharsets.UTF_8);
    }

    /** The Jackson path alone. */
    Result jackson(byte[] doc) {
        return jackson(doc, 0);
    }

    /** The Jackson path, skipping its first {@code skip} findings (as after a fallback). */
    Result jackson(byte[] doc, long skip) {
        Recorder r = new Recorder();
        String failure = null;
        try (InputStream in = open(doc)) {
            DocumentInventoryReader reader = new DocumentInventoryReader(limits);
            reader.jackson("doc.yaml", in, true, skip == 0 ? r : DocumentInventoryReader.skipping(r, skip));
        } catch (IOException | RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new Result(r.found, failure);
    }

    /** The fast reader alone. */
    Fast fast(byte[] doc) {
        return fast(doc, FastYaml.RESERVE);
    }

    Fast fast(byte[] doc, long reserve) {
        Recorder r = new Recorder();
        FastYaml.Outcome o = new FastYaml(new YamlLines(open(doc), limits.maxDocumentBytes(), limits.maxLineBytes()),
                limits.maxNestingDepth(), new DocumentInventoryReader(limits).emptyIsNull(), r, reserve).read();
        return new Fast(o, r.found);
    }

    /** The fast reader, then (if it gave up) the Jackson path skipping what the fast reader delivered. */
    Result combined(byte[] doc) {
        Fast f = fast(doc);
        if (f.outcome().complete()) {
            return new Result(f.findings(), null);
        }
        Result rest = jackson(doc, f.outcome().released());
        List<Finding> all = new ArrayList<>(f.findings());
        all.addAll(rest.findings());
        return new Result(all, rest.failure());
    }

    static final class Recorder implements DocumentInventoryReader.Found {
        final List<Finding> found = new ArrayList<>();

        @Override
        public void section(RecordMapper.Section section) {
            found.add(new Finding("section", section.name(), null, 0, null, null, null));
        }

        @Override
        public void record(RecordMapper.Section section, long line, TreeReader.Read record) {
            if (!record.aliases().isEmpty()) {
                found.add(new Finding("aliases", section.name(), null, line, null, null, record.aliases().toString()));
            }
            found.add(new Finding("record", section.name(), null, line, record.node(), record.lines(), null));
        }

        @Override
        public void notMapping(String field, long line, String text) {
            found.add(new Finding("notMapping", null, field, line, null, null, text));
        }

        @Override
        public void topLevel(String field, long line, JsonNode value) {
            found.add(new Finding("topLevel", null, field, line, value, null, null));
        }
    }
}
