package dev.steward.assessment;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SourceRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Hand-built evidence for assessment tests: as-of 2026-11-01, window the 90 days before. */
final class Records {

    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant WINDOW_START = AS_OF.minus(Duration.ofDays(90));

    final List<PersonRecord> people = new ArrayList<>();
    final List<AgentRecord> agents = new ArrayList<>();
    final List<CredentialRecord> credentials = new ArrayList<>();
    final List<DecisionAggregate> decisions = new ArrayList<>();

    static SourceRef src(String id) {
        return new SourceRef(1, "inventory.yaml", Math.floorMod(id.hashCode(), 1000) + 1);
    }

    Records person(String id, String manager) {
        people.add(new PersonRecord(id, id, null, "team", manager, "active", null, src(id)));
        return this;
    }

    Records departed(String id, Instant at) {
        people.add(new PersonRecord(id, id, null, "team", null, "departed", at, src(id)));
        return this;
    }

    Records agent(String id, Autonomy autonomy, String environment, String team, String owner) {
        agents.add(new AgentRecord(id, id, autonomy, environment, team, owner, null, "active", null,
                Instant.parse("2026-01-01T00:00:00Z"), null, null, null, null, null, null, null, null, null, List.of(),
                List.of(), src(id)));
        return this;
    }

    Records credential(String id, String environment, String... holders) {
        return credential(id, environment, null, holders);
    }

    Records credential(String id, String environment, Instant lastUsedAt, String... holders) {
        credentials.add(new CredentialRecord(id, "token", List.of(holders), environment, "vault", "vault", null, List.of(),
                Instant.parse("2026-10-01T00:00:00Z"), null, null, null, lastUsedAt, "active", null, null, null, src(id)));
        return this;
    }

    /** A credential revoked at {@code revokedAt}. */
    Records revoked(String id, String environment, Instant revokedAt, String... holders) {
        Instant created = Instant.parse("2026-10-01T00:00:00Z");
        credentials.add(new CredentialRecord(id, "token", List.of(holders), environment, "vault", "vault", null,
                List.of(), created, null, null, null, null, "revoked", revokedAt, null, null, src(id)));
        return this;
    }

    Records decision(String agent, String credential, String environment, long count) {
        LocalDate day = LocalDate.ofInstant(AS_OF, ZoneOffset.UTC).minusDays(3);
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
        decisions.add(new DecisionAggregate(day, agent, credential, "erp", "read", "erp:read", environment, true, List.of(),
                count, count, count, 0, 0, 0, 0, at, at));
        return this;
    }

    Evidence evidence() {
        return new Evidence(AS_OF, WINDOW_START, people, agents, credentials, decisions, List.of());
    }
}
