package dev.steward.ingest;

import dev.steward.decisions.DecisionWriter;
import dev.steward.evidence.SecretFinding;
import dev.steward.evidence.SourceRef;
import dev.steward.inventory.SecretFindingEntity;
import dev.steward.upload.UploadEntity;
import dev.steward.upload.UploadRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Stores a decision upload in committed chunks under a PENDING upload row, then makes it visible at once by flipping
 * the row to COMMITTED. Every reader filters on COMMITTED uploads, so a log is seen completely or not at all, while
 * the database never holds a 10-million-row transaction. On any error the chunks already written are deleted.
 */
@ApplicationScoped
public class StagedDecisions {

    private static final Logger LOG = Logger.getLogger(StagedDecisions.class);
    private static final int COMMIT_EVERY = 50_000;
    private static final int DELETE_CHUNK = 50_000;
    /** Row tables of a decision upload: packs are deleted whole (a few hundred rows), the rest in chunks. */
    private static final List<String> TABLES = List.of("decision", "decision_daily", "secret_finding");
    private static final List<String> PACK_TABLES = List.of("decision_pack", "decision_daily_pack",
            "decision_text_pack");

    private final IngestConfig limits;
    private final UploadRepository uploads;
    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final Pattern browser;

    public StagedDecisions(IngestConfig limits, UploadRepository uploads, EntityManager em, AgroalDataSource dataSource) {
        this.limits = limits;
        this.uploads = uploads;
        this.em = em;
        this.dataSource = dataSource;
        this.browser = Pattern.compile(limits.browserUserAgentPattern());
    }

    /** Opens one file of the upload, counting bytes for progress. */
    interface Opener {
        InputStream open(Plan.Entry entry) throws IOException;
    }

    /**
     * What was stored: decisions and secrets found, the inventory the log revealed (stored by the caller when it makes
     * the upload visible) and the time of the latest decision (null when none).
     */
    record Stored(long decisions, long secrets, ObservedInventory observed, Instant latest) {
    }

    /**
     * Writes the decisions of an upload whose PENDING row exists. Returns normally with the counts once every chunk
     * is committed (the caller flips the row); throws after deleting every chunk when the input had errors.
     */
    Stored write(long uploadId, Plan plan, IngestRequest request, Problems problems, Opener opener, Instant now)
            throws IOException, SQLException {
        List<SecretFinding> secrets = new ArrayList<>();
        NativeDecisionReader reader = new NativeDecisionReader(limits);
        boolean complete = false;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (DecisionWriter writer = new DecisionWriter(c, uploadId, limits.aggregateFlushKeys(), browser,
                    COMMIT_EVERY);
                    WriterThread background = new WriterThread(writer)) {
                DecisionSink sink = new DecisionSink() {
                    @Override
                    public void decision(DecisionLine d) {
                        if (!problems.hasErrors()) {
                            background.add(d);
                        }
                    }

                    @Override
                    public void secret(String credentialId, String agentId, String kind, String field, Instant at,
                            String file, long line) {
                        secrets.add(new SecretFinding(credentialId, agentId, kind, field, at == null ? now : at,
                                new SourceRef(uploadId, file, line)));
                    }
                };
                ObservedInventory observed = new ObservedInventory();
                RecordMapper mapper = new RecordMapper(problems, observed, uploadId, () -> now);
                SourceRun run = new SourceRun(new SourceContext(limits, problems, sink, mapper, observed, request.source()));
                for (Plan.Entry f : plan.files()) {
                    try (InputStream in = opener.open(f)) {
                        if (f.adapter() != null) {
                            run.read(f.adapter(), f.file().name(), in);
                            request.listener().progress(f.file().name(), f.counter().count, f.size(), writer.written());
                        } else {
                            reader.read(f.file().name(), in, problems, sink, lines -> request.listener()
                                    .progress(f.file().name(), f.counter().count, f.size(), writer.written()));
                        }
                    }
                }
                run.finish();
                if (!problems.hasErrors()) {
                    background.finish();
                    writer.finish();
                    c.commit();
                    QuarkusTransaction.requiringNew().run(() -> secrets.forEach(s -> em.persist(SecretFindingEntity.from(s))));
                    complete = true;
                    return new Stored(writer.written(), secrets.size(), observed, run.latestDecision());
                }
                return null;
            } finally {
                if (!complete) {
                    // the writer thread has stopped (try-with-resources closed it first): the connection is ours again
                    c.rollback();
                }
            }
        } finally {
            if (!complete) {
                discard(uploadId);
            }
        }
    }

    /** Deletes every row an unfinished upload wrote, in chunks so even millions of rows never form one transaction. */
    public void discard(long uploadId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (String table : PACK_TABLES) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE upload_id = ?")) {
                    s.setLong(1, uploadId);
                    s.executeUpdate();
                }
            }
            for (String table : TABLES) {
                String sql = "DELETE FROM " + table + " WHERE pk IN (SELECT pk FROM " + table + " WHERE upload_id = ? "
                        + "FETCH FIRST " + DELETE_CHUNK + " ROWS ONLY)";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, uploadId);
                    while (s.executeUpdate() > 0) {
                        LOG.debugf("discarded a chunk of %s rows of upload %d", table, uploadId);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot discard the rows of unfinished upload " + uploadId, e);
        }
    }

    /** Marks uploads left PENDING by a stopped process ABORTED and removes their rows. */
    public int recover(Instant olderThan) {
        List<Long> stale = QuarkusTransaction.requiringNew().call(() -> uploads
                .list("status = ?1 and receivedAt < ?2", UploadEntity.Status.PENDING, olderThan).stream()
                .map(u -> u.id).toList());
        for (long id : stale) {
            discard(id);
            QuarkusTransaction.requiringNew().run(() -> {
                UploadEntity u = uploads.findById(id);
                u.status = UploadEntity.Status.ABORTED;
                u.report = "{\"status\":\"ABORTED\",\"reason\":\"the process stopped before the upload completed;"
                        + " nothing of it was kept\"}";
            });
            LOG.warnf("upload %d was interrupted before it completed: its partial rows were removed", id);
        }
        return stale.size();
    }
}
