package dev.steward.testing;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.ingest.BoundedInput;
import dev.steward.ingest.DecisionLine;
import dev.steward.ingest.DecisionSink;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.InventorySink;
import dev.steward.ingest.Problem;
import dev.steward.ingest.Problems;
import dev.steward.ingest.RecordMapper;
import dev.steward.ingest.SourceAdapter;
import dev.steward.ingest.SourceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Runs one source adapter over in-memory files without a database and keeps what it delivered: decisions, inventory
 * records (with their attributes), secret findings, declared sections, asOf, the proposed scope and every problem.
 */
public final class SourceHarness {

    public final IngestConfig limits = new DefaultLimits();
    public final Problems problems = new Problems(1000);
    public final List<DecisionLine> decisions = new ArrayList<>();
    public final List<AgentRecord> agents = new ArrayList<>();
    public final List<CredentialRecord> credentials = new ArrayList<>();
    public final List<PersonRecord> people = new ArrayList<>();
    public final Map<String, String> attributes = new LinkedHashMap<>();
    public final List<String> secrets = new ArrayList<>();
    public final Set<RecordMapper.Section> sections = EnumSet.noneOf(RecordMapper.Section.class);
    public Instant asOf;
    public String scope;
    private final String sourceOption;

    public SourceHarness() {
        this(null);
    }

    public SourceHarness(String sourceOption) {
        this.sourceOption = sourceOption;
    }

    /** Reads the files (name → content, in order) in one session; a name ending in .gz is gzipped first. */
    public SourceHarness run(SourceAdapter adapter, Map<String, String> files) {
        InventorySink sink = new InventorySink() {
            @Override
            public void section(RecordMapper.Section section) {
                sections.add(section);
            }

            @Override
            public void meta(Instant at, String source) {
                if (at != null) {
                    asOf = at;
                }
            }

            @Override
            public void person(PersonRecord p, String attrs) {
                people.add(p);
            }

            @Override
            public void agent(AgentRecord a, String attrs) {
                agents.add(a);
                attributes.put(a.id(), attrs);
            }

            @Override
            public void credential(CredentialRecord c, String attrs) {
                credentials.add(c);
                attributes.put(c.id(), attrs);
            }

            @Override
            public void secret(SecretFinding finding) {
                secrets.add(finding.kind() + "@" + finding.field());
            }
        };
        DecisionSink decisionSink = new DecisionSink() {
            @Override
            public void decision(DecisionLine d) {
                decisions.add(d);
            }

            @Override
            public void secret(String credentialId, String agentId, String kind, String field, Instant at, String file,
                    long line) {
                secrets.add(kind + "@" + field);
            }
        };
        RecordMapper mapper = new RecordMapper(problems, sink, 1, () -> Instant.parse("2026-01-01T00:00:00Z"));
        SourceContext context = new SourceContext(limits, problems,
                adapter.kind() == SourceAdapter.Kind.DECISIONS ? decisionSink : null, mapper, sink, sourceOption);
        SourceAdapter.Session session = adapter.open(context);
        try {
            for (var f : files.entrySet()) {
                try (InputStream in = BoundedInput.open(f.getKey(), new ByteArrayInputStream(bytes(f.getKey(), f.getValue())),
                        limits)) {
                    session.read(f.getKey(), in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        session.finish();
        scope = context.proposedScope();
        return this;
    }

    public SourceHarness run(SourceAdapter adapter, String file, String content) {
        return run(adapter, Map.of(file, content));
    }

    private static byte[] bytes(String name, String content) throws IOException {
        byte[] raw = content.getBytes(StandardCharsets.UTF_8);
        if (!name.endsWith(".gz")) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    public List<Problem> errors() {
        return problems.listed().stream().filter(p -> p.level() == Problem.Level.ERROR).toList();
    }

    public List<Problem> warnings() {
        return problems.listed().stream().filter(p -> p.level() == Problem.Level.WARNING).toList();
    }

    public AgentRecord agent(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no agent " + id + " in " + agents.stream().map(AgentRecord::id).toList()));
    }

    public CredentialRecord credential(String id) {
        return credentials.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no credential " + id + " in " + credentials.stream().map(CredentialRecord::id).toList()));
    }
}
