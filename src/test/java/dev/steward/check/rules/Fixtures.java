package dev.steward.check.rules;

import dev.steward.check.Check;
import dev.steward.check.CheckResult;
import dev.steward.check.Parameters;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.evidence.SourceRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fluent builders for check fixtures. Records start bare (only id, status active, environment prod, a source line)
 * so each test sets exactly the facts it is about. As-of is 2026-11-01T00:00Z and the window the 90 days before.
 */
final class Fixtures {

    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant WINDOW_START = AS_OF.minus(Duration.ofDays(90));

    private Fixtures() {
    }

    static Instant daysAgo(long days) {
        return AS_OF.minus(Duration.ofDays(days));
    }

    static LocalDate dayAgo(long days) {
        return LocalDate.ofInstant(AS_OF, ZoneOffset.UTC).minusDays(days);
    }

    /** A source line derived from the record id, so regenerated fixtures are equal. */
    static SourceRef src(String file, String id) {
        return new SourceRef(1, file, Math.floorMod(String.valueOf(id).hashCode(), 10_000) + 1);
    }

    static PersonBuilder person(String id) {
        return new PersonBuilder(id);
    }

    static AgentBuilder agent(String id) {
        return new AgentBuilder(id);
    }

    static CredentialBuilder credential(String id, String... holders) {
        return new CredentialBuilder(id, List.of(holders));
    }

    static DecisionBuilder decision(String agent, String credential) {
        return new DecisionBuilder(agent, credential);
    }

    static SecretFinding secret(String credentialId, Instant foundAt) {
        return new SecretFinding(credentialId, null, "aws-access-key", "location", foundAt, src("inventory.yaml", credentialId));
    }

    /** Evidence at the default as-of over the default window; items are records or builders. */
    static Evidence evidence(Object... items) {
        return new EvidenceBuilder(AS_OF, WINDOW_START).with(items).build();
    }

    static EvidenceBuilder evidenceAt(Instant asOf, Instant windowStart) {
        return new EvidenceBuilder(asOf, windowStart);
    }

    static List<CheckResult> run(Check check, Evidence evidence) {
        return check.evaluate(evidence, Parameters.defaults(check));
    }

    static CheckResult result(Check check, Evidence evidence, String subject) {
        return result(check, evidence, Parameters.defaults(check), subject);
    }

    static CheckResult result(Check check, Evidence evidence, Parameters parameters, String subject) {
        return check.evaluate(evidence, parameters).stream().filter(r -> r.subjectId().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + subject));
    }

    static Parameters params(Check check, Map<String, String> values) {
        return Parameters.of(check, values);
    }

    static Parameters envParams(Check check, String environment, Map<String, String> values) {
        return new Parameters(check.parameters(), Map.of(), Map.of(environment, values));
    }

    static final class EvidenceBuilder {
        private final Instant asOf;
        private final Instant windowStart;
        private final List<PersonRecord> people = new ArrayList<>();
        private final List<AgentRecord> agents = new ArrayList<>();
        private final List<CredentialRecord> credentials = new ArrayList<>();
        private final List<DecisionAggregate> decisions = new ArrayList<>();
        private final List<SecretFinding> secrets = new ArrayList<>();

        EvidenceBuilder(Instant asOf, Instant windowStart) {
            this.asOf = asOf;
            this.windowStart = windowStart;
        }

        EvidenceBuilder with(Object... items) {
            for (Object item : items) {
                Object value = item instanceof PersonBuilder b ? b.build()
                        : item instanceof AgentBuilder b ? b.build()
                        : item instanceof CredentialBuilder b ? b.build()
                        : item instanceof DecisionBuilder b ? b.build()
                        : item;
                if (value instanceof PersonRecord p) {
                    people.add(p);
                } else if (value instanceof AgentRecord a) {
                    agents.add(a);
                } else if (value instanceof CredentialRecord c) {
                    credentials.add(c);
                } else if (value instanceof DecisionAggregate d) {
                    decisions.add(d);
                } else if (value instanceof SecretFinding s) {
                    secrets.add(s);
                } else {
                    throw new IllegalArgumentException("not a fixture: " + item);
                }
            }
            return this;
        }

        Evidence build() {
            return new Evidence(asOf, windowStart, people, agents, credentials, decisions, secrets);
        }
    }

    static final class PersonBuilder {
        private final String id;
        private String status = "active";
        private Instant departedAt;

        PersonBuilder(String id) {
            this.id = id;
        }

        PersonBuilder departed(Instant at) {
            this.status = "departed";
            this.departedAt = at;
            return this;
        }

        PersonBuilder departedAt(Instant at) {
            this.departedAt = at;
            return this;
        }

        PersonBuilder status(String status) {
            this.status = status;
            return this;
        }

        PersonRecord build() {
            return new PersonRecord(id, "Name of " + id, id + "@example.com", "payments", null, status, departedAt, src("people.csv", id));
        }
    }

    static final class AgentBuilder {
        private final String id;
        private Autonomy autonomy = Autonomy.SUPERVISED;
        private String environment = "prod";
        private String owner;
        private String backupOwner;
        private String status = "active";
        private Instant decommissionedAt;
        private Instant lastReviewedAt;
        private String vendor;
        private String identityType;
        private String identityId;
        private String alertChannel;
        private String incidentTrigger;
        private String runbook;
        private String killSwitchMethod;
        private Instant killSwitchTestedAt;
        private List<String> tools = List.of();
        private List<String> grants = List.of();

        AgentBuilder(String id) {
            this.id = id;
        }

        AgentBuilder autonomy(Autonomy autonomy) {
            this.autonomy = autonomy;
            return this;
        }

        AgentBuilder env(String environment) {
            this.environment = environment;
            return this;
        }

        AgentBuilder owner(String owner) {
            this.owner = owner;
            return this;
        }

        AgentBuilder backupOwner(String backupOwner) {
            this.backupOwner = backupOwner;
            return this;
        }

        AgentBuilder decommissioned(Instant at) {
            this.status = "decommissioned";
            this.decommissionedAt = at;
            return this;
        }

        AgentBuilder reviewed(Instant at) {
            this.lastReviewedAt = at;
            return this;
        }

        AgentBuilder vendor(String vendor) {
            this.vendor = vendor;
            return this;
        }

        AgentBuilder identity(String type, String identityId) {
            this.identityType = type;
            this.identityId = identityId;
            return this;
        }

        AgentBuilder monitoring(String alertChannel, String incidentTrigger, String runbook) {
            this.alertChannel = alertChannel;
            this.incidentTrigger = incidentTrigger;
            this.runbook = runbook;
            return this;
        }

        AgentBuilder killSwitch(String method, Instant testedAt) {
            this.killSwitchMethod = method;
            this.killSwitchTestedAt = testedAt;
            return this;
        }

        AgentBuilder tools(String... tools) {
            this.tools = List.of(tools);
            return this;
        }

        AgentBuilder grants(String... grants) {
            this.grants = List.of(grants);
            return this;
        }

        AgentRecord build() {
            return new AgentRecord(id, "Agent " + id, autonomy, environment, "payments", owner, backupOwner, status,
                    decommissionedAt, daysAgo(400), lastReviewedAt, vendor, identityType, identityId, alertChannel,
                    incidentTrigger, runbook, killSwitchMethod, killSwitchTestedAt, tools, grants, src("inventory.yaml", id));
        }
    }

}
