package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.Actors;
import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditEvent;
import dev.steward.audit.AuditFilter;
import dev.steward.audit.AuditLog;
import dev.steward.security.TokenService;
import dev.steward.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code steward audit verify|export} and {@code steward token create|list|revoke}: exit codes, output, the actor
 * {@code cli:<os user>} on what the command line does (an ingest included), and an exported file that re-verifies.
 */
@QuarkusTest
class AuditAndTokenCommandTest {

    @Inject
    CommandLine.IFactory factory;

    @Inject
    AuditLog audit;

    @Inject
    TokenService tokens;

    Run run(String... args) {
        return Run.of(factory, args);
    }

    private AuditEvent latest(AuditAction action) {
        return audit.page(new AuditFilter(action, null, null, null), 0, 1).get(0);
    }

    @Test
    void anIngestFromTheCommandLineIsAuditedAsTheOsUser() {
        TestFiles files = new TestFiles();
        Path inv = files.write("inventory.yaml", TestFiles.inventory("2026-11-01", TestFiles.agent("cli-" + UUID.randomUUID())));
        Run r = run("ingest", inv.toString(), "--scope", "cli-" + UUID.randomUUID());
        assertThat(r.exit()).as(r.err()).isZero();
        AuditEvent e = latest(AuditAction.UPLOAD);
        assertThat(e.actor()).isEqualTo(Actors.cli()).startsWith("cli:");
        assertThat(e.detail()).contains("\"agents\":1");
    }

    @Test
    void verifyAndExportTheTrail() throws Exception {
        Run ok = run("audit", "verify");
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).startsWith("OK: the audit trail verifies");

        Path file = new TestFiles().dir().resolve("audit.json");
        Run export = run("audit", "export", "--out", file.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("Wrote ").contains(file.toString());
        assertThat(latest(AuditAction.AUDIT_EXPORTED).actor()).isEqualTo(Actors.cli());

        Run offline = run("audit", "verify", "--file", file.toString());
        assertThat(offline.exit()).as(offline.out()).isZero();
        assertThat(offline.out()).contains("complete").contains("OK: " + file);

        String text = Files.readString(file);
        Matcher first = Pattern.compile("\"target\" : \"([^\"]+)\"").matcher(text);
        assertThat(first.find()).isTrue();
        Files.writeString(file, text.substring(0, first.start(1)) + "x" + text.substring(first.start(1)));
        Run broken = run("audit", "verify", "--file", file.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("FAILED: ").contains("HASH_MISMATCH").contains("expected").contains("stored");
    }

    @Test
    void createListAndRevokeATokenFromTheCommandLine() {
        String name = "cli-" + UUID.randomUUID();
        Run created = run("token", "create", "--name", name, "--role", "manager", "--team", "payments", "--ttl", "30d");
        assertThat(created.exit()).as(created.err()).isZero();
        Matcher m = Pattern.compile("Created token (\\d+) .*\\n(stw_\\S+)", Pattern.DOTALL).matcher(created.out());
        assertThat(m.find()).as(created.out()).isTrue();
        long id = Long.parseLong(m.group(1));
        String token = m.group(2);
        assertThat(tokens.authenticate(token)).isPresent();
        assertThat(latest(AuditAction.TOKEN_CREATED).actor()).isEqualTo(Actors.cli());

        Run list = run("token", "list");
        assertThat(list.out()).contains(name).contains("payments").contains("active").doesNotContain(token);

        Run noTeam = run("token", "create", "--name", "x", "--role", "manager");
        assertThat(noTeam.exit()).isEqualTo(2);
        assertThat(noTeam.err()).contains("a manager token needs at least one team");

        assertThat(run("token", "revoke", Long.toString(id)).exit()).isZero();
        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(latest(AuditAction.TOKEN_REVOKED).target()).isEqualTo("token " + id);
        assertThat(run("token", "revoke", "999999").exit()).isEqualTo(1);
    }

    @Inject
    dev.steward.export.ExportService exports;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void aRewrittenEntrySealedInABundleIsFound() throws Exception {
        audit.record("token:t", AuditAction.SIGN_IN, "ana", dev.steward.audit.AuditOutcome.OK);
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        Path out = new TestFiles().dir().resolve("exports");
        var done = exports.export(month, out, "test", dev.steward.export.ExportService.Step.NONE,
                java.time.Instant.parse("2099-01-01T00:00:00Z"));
        Run ok = run("audit", "verify", "--bundle", done.bundle().toString());
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).startsWith("OK: the trail still holds the ");

        AuditEvent sealed = audit.page(new AuditFilter(AuditAction.SIGN_IN, "token:t", null, null), 0, 1).get(0);
        String forged = dev.steward.audit.AuditChain.hash(sealed.seq(), sealed.occurredAt(), sealed.actor(), sealed.action(),
                "bo", sealed.outcome(), sealed.detail(), sealed.prevHash());
        try {
            update("UPDATE audit_event SET target = 'bo', hash = ? WHERE seq = ?", forged, sealed.seq());
            Run rewritten = run("audit", "verify", "--bundle", done.bundle().toString());
            assertThat(rewritten.exit()).isEqualTo(1);
            assertThat(rewritten.out()).contains("MISMATCH entry " + sealed.seq() + ": the bundle sealed hash " + sealed.hash()
                    + ", the trail holds " + forged).contains("FAILED: the trail was rewritten");
        } finally {
            update("UPDATE audit_event SET target = ?, hash = ? WHERE seq = ?", sealed.target(), sealed.hash(), sealed.seq());
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    private void update(String sql, Object... args) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var p = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }
}
