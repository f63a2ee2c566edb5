package dev.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The audit trail on a real store (H2 and PostgreSQL subclasses): appends chain and verify, a changed, removed or
 * reordered entry is found and named precisely, concurrent appends keep seq gap-free. Every test that tampers puts
 * the rows back, because the trail is shared by the whole test run.
 */
public abstract class AuditContract {

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource dataSource;

    /** Whether the database itself rejects UPDATE and DELETE on audit_event (PostgreSQL's trigger). */
    abstract boolean guardedByTrigger();

    @Test
    void appendsChainOntoTheHeadAndVerify() {
        AuditLog.Head before = audit.head();
        AuditEvent a = audit.record("token:t", AuditAction.UPLOAD, "upload 1", AuditOutcome.OK, Map.of("agents", 3, "kind", "inventory"));
        AuditEvent b = audit.record("cli:ana", AuditAction.ASSESSMENT, "run-x", AuditOutcome.FAILED);
        assertThat(a.seq()).isEqualTo(before.seq() + 1);
        assertThat(a.prevHash()).isEqualTo(before.hash());
        assertThat(b.seq()).isEqualTo(a.seq() + 1);
        assertThat(b.prevHash()).isEqualTo(a.hash());
        assertThat(a.detail()).isEqualTo("{\"agents\":3,\"kind\":\"inventory\"}");
        assertThat(AuditChain.hash(a)).isEqualTo(a.hash());
        assertThat(audit.head()).isEqualTo(new AuditLog.Head(b.seq(), b.hash()));

        List<AuditEvent> page = audit.page(new AuditFilter(AuditAction.ASSESSMENT, "cli:ana", null, null), 0, 10);
        assertThat(page).first().isEqualTo(b);

        AuditVerification v = audit.verify();
        assertThat(v.problem()).isNull();
        assertThat(v.ok()).isTrue();
        assertThat(v.lastSeq()).isEqualTo(b.seq());
        assertThat(v.firstSeq()).isEqualTo(1L);
    }

    @Test
    void aChangedEntryIsFoundAtItsSeq() throws SQLException {
        AuditEvent e = audit.record("token:t", AuditAction.REPORT_DOWNLOAD, "gaps.pdf", AuditOutcome.OK, Map.of("team", "x"));
        audit.record("token:t", AuditAction.REPORT_DOWNLOAD, "gaps.csv", AuditOutcome.OK);
        try {
            sql("UPDATE audit_event SET actor = ? WHERE seq = ?", "token:someone-else", e.seq());
            AuditVerification v = audit.verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.problem().seq()).isEqualTo(e.seq());
            assertThat(v.problem().kind()).isEqualTo(AuditVerification.Kind.HASH_MISMATCH);
            assertThat(v.problem().stored()).isEqualTo(e.hash());
            assertThat(v.problem().expected()).isNotEqualTo(e.hash()).hasSize(64);
            assertThat(v.problem().message()).contains("entry " + e.seq() + " was changed");
        } finally {
            sql("UPDATE audit_event SET actor = ? WHERE seq = ?", e.actor(), e.seq());
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void aRewrittenHashBreaksTheNextLink() throws SQLException {
        AuditEvent e = audit.record("token:t", AuditAction.EXPORT, "2030-01", AuditOutcome.OK);
        AuditEvent next = audit.record("token:t", AuditAction.EXPORT, "2030-02", AuditOutcome.OK);
        String forged = AuditChain.hash(e.seq(), e.occurredAt(), e.actor(), e.action(), e.target(), "failed", e.detail(),
                e.prevHash());
        try {
            sql("UPDATE audit_event SET outcome = 'failed', hash = ? WHERE seq = ?", forged, e.seq());
            AuditVerification v = audit.verify();
            assertThat(v.problem().kind()).isEqualTo(AuditVerification.Kind.PREV_HASH_MISMATCH);
            assertThat(v.problem().seq()).isEqualTo(next.seq());
            assertThat(v.problem().field()).isEqualTo("prev_hash");
            assertThat(v.problem().expected()).isEqualTo(forged);
            assertThat(v.problem().stored()).isEqualTo(e.hash());
        } finally {
            sql("UPDATE audit_event SET outcome = 'ok', hash = ? WHERE seq = ?", e.hash(), e.seq());
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void aRemovedEntryIsNamedMissing() throws SQLException {
        AuditEvent e = audit.record("token:t", AuditAction.TOKEN_CREATED, "token 9", AuditOutcome.OK);
        AuditEvent last = audit.record("token:t", AuditAction.TOKEN_REVOKED, "token 9", AuditOutcome.OK);
        try {
            sql("DELETE FROM audit_event WHERE seq = ?", e.seq());
            AuditVerification v = audit.verify();
            assertThat(v.problem().kind()).isEqualTo(AuditVerification.Kind.MISSING_ENTRY);
            assertThat(v.problem().seq()).isEqualTo(e.seq());
            assertThat(v.problem().message()).contains("entry " + e.seq() + " is missing");
        } finally {
            insert(e);
        }
        try {
            sql("DELETE FROM audit_event WHERE seq = ?", last.seq());
            AuditVerification v = audit.verify();
            assertThat(v.problem().kind()).isEqualTo(AuditVerification.Kind.MISSING_ENTRY);
            assertThat(v.problem().seq()).isEqualTo(last.seq());
            assertThat(v.problem().message()).contains("head");
        } finally {
            insert(last);
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void twoSwappedEntriesAreNamedReordered() throws SQLException {
        AuditEvent a = audit.record("token:t", AuditAction.SIGN_IN, "ana", AuditOutcome.OK);
        AuditEvent b = audit.record("token:t", AuditAction.SIGN_OUT, "ana", AuditOutcome.OK);
        audit.record("token:t", AuditAction.SIGN_IN, "bo", AuditOutcome.OK);
        try {
            sql("DELETE FROM audit_event WHERE seq IN (?, ?)", a.seq(), b.seq());
            insert(withSeq(a, b.seq()));
            insert(withSeq(b, a.seq()));
            AuditVerification v = audit.verify();
            assertThat(v.problem().kind()).isEqualTo(AuditVerification.Kind.REORDERED);
            assertThat(v.problem().seq()).isEqualTo(a.seq());
            assertThat(v.problem().message()).contains("wrong order");
        } finally {
            sql("DELETE FROM audit_event WHERE seq IN (?, ?)", a.seq(), b.seq());
            insert(a);
            insert(b);
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void concurrentAppendsStayGapFreeAndChained() throws Exception {
        long start = audit.head().seq();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String actor = "replica-" + t;
                tasks.add(() -> {
                    for (int i = 0; i < 15; i++) {
                        audit.record(actor, AuditAction.UPLOAD, "u" + i, AuditOutcome.OK);
                    }
                    return 15;
                });
            }
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(audit.head().seq()).isEqualTo(start + 60);
        List<Long> seqs = new ArrayList<>();
        audit.stream(AuditFilter.NONE, e -> {
            if (e.seq() > start) {
                seqs.add(e.seq());
            }
        });
        assertThat(seqs).hasSize(60).first().isEqualTo(start + 1);
        assertThat(seqs.get(59)).isEqualTo(start + 60);
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void theDatabaseRejectsUpdateAndDeleteWhereItCan() throws SQLException {
        AuditEvent e = audit.record("token:t", AuditAction.UPLOAD, "u", AuditOutcome.OK);
        if (!guardedByTrigger()) {
            return;
        }
        assertThatThrownBy(() -> plain("UPDATE audit_event SET actor = 'x' WHERE seq = " + e.seq()))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> plain("DELETE FROM audit_event WHERE seq = " + e.seq()))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(audit.verify().ok()).isTrue();
    }

    private static AuditEvent withSeq(AuditEvent e, long seq) {
        return new AuditEvent(seq, e.occurredAt(), e.actor(), e.action(), e.target(), e.outcome(), e.detail(), e.prevHash(),
                e.hash());
    }

    private void insert(AuditEvent e) throws SQLException {
        sql("INSERT INTO audit_event (seq, occurred_at, actor, action, target, outcome, detail, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", e.seq(), e.occurredAt().atOffset(java.time.ZoneOffset.UTC), e.actor(),
                e.action(), e.target(), e.outcome(), e.detail(), e.prevHash(), e.hash());
    }

    private void plain(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate(statement);
        }
    }

    /** Runs a statement as a tamperer with database access would: with the append-only trigger switched off. */
    private void sql(String statement, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (guardedByTrigger()) {
                c.createStatement().execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            }
            try (PreparedStatement p = c.prepareStatement(statement)) {
                for (int i = 0; i < args.length; i++) {
                    p.setObject(i + 1, args[i]);
                }
                p.executeUpdate();
            } finally {
                if (guardedByTrigger()) {
                    c.createStatement().execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
                }
            }
        }
    }
}
