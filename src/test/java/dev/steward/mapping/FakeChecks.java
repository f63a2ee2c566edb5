package dev.steward.mapping;

import dev.steward.check.Check;
import dev.steward.check.CheckResult;
import dev.steward.check.ParameterSpec;
import dev.steward.check.ParameterSpec.Type;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.evidence.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 29 check ids and their parameters exactly as the common brief's contract table declares them, as fake
 * {@link Check}s: the mapping files must load against this catalog before the real check classes exist.
 */
final class FakeChecks {

    static final List<String> IDS = List.of("INV-1", "OWN-1", "OWN-2", "OWN-3", "OWN-4", "OWN-5", "LIF-1", "LIF-2", "LIF-3",
            "LIF-4", "IDN-1", "IDN-2", "IDN-3", "CRD-1", "CRD-2", "CRD-3", "CRD-4", "CRD-5", "AUT-1", "AUT-2", "AUT-3", "AUT-4",
            "AUT-5", "AUT-6", "LOG-1", "LOG-2", "DET-1", "HUM-1", "TPV-1");

    private FakeChecks() {
    }

    /** The full catalog of 29 fake checks. */
    static List<Check> catalog() {
        Map<String, List<ParameterSpec>> params = Map.ofEntries(
                Map.entry("OWN-5", List.of(new ParameterSpec("maxReviewAgeDays", Type.INTEGER, "180", Map.of("prod", "90"), "review age"))),
                Map.entry("LIF-1", List.of(p("ownerDepartureGraceDays", Type.INTEGER, "7"))),
                Map.entry("LIF-2", List.of(p("maxIdleDays", Type.INTEGER, "90"))),
                Map.entry("LIF-3", List.of(p("maxKillSwitchTestAgeDays", Type.INTEGER, "180"))),
                Map.entry("LIF-4", List.of(p("revocationGraceSeconds", Type.INTEGER, "300"))),
                Map.entry("IDN-1", List.of(p("acceptedIdentityTypes", Type.LIST, "spiffe,oidc,mtls,cloud-role"))),
                Map.entry("CRD-1", List.of(p("maxLifetimeAutonomous", Type.DURATION, "PT1H"),
                        p("maxLifetimeSupervised", Type.DURATION, "PT24H"), p("maxLifetimeOther", Type.DURATION, "P90D"))),
                Map.entry("CRD-2", List.of(p("longLivedThreshold", Type.DURATION, "PT24H"), p("maxRotationAgeDays", Type.INTEGER, "90"))),
                Map.entry("CRD-3", List.of(p("approvedStorage", Type.LIST, "vault,secret-manager"),
                        p("forbiddenStorage", Type.LIST, "env-var,config-file,source-code,ci-variable"))),
                Map.entry("AUT-1", List.of(p("passMaxUnusedShare", Type.DECIMAL, "0.2"), p("partialMaxUnusedShare", Type.DECIMAL, "0.5"))),
                Map.entry("AUT-2", List.of(p("adminPatterns", Type.LIST, "*,admin,root,owner"))),
                Map.entry("AUT-3", List.of(p("passMinShare", Type.DECIMAL, "0.99"), p("partialMinShare", Type.DECIMAL, "0.90"))),
                Map.entry("AUT-4", List.of(p("highRiskActionPatterns", Type.LIST, ""))),
                Map.entry("AUT-5", List.of(p("maxDelegationDepth", Type.INTEGER, "2"))),
                Map.entry("LOG-2", List.of(p("passMinShare", Type.DECIMAL, "0.99"), p("partialMinShare", Type.DECIMAL, "0.90"))),
                Map.entry("DET-1", List.of(p("recentDays", Type.INTEGER, "7"), p("minRecentDenies", Type.INTEGER, "10"),
                        p("denyRateFactor", Type.DECIMAL, "3"))),
                Map.entry("HUM-1", List.of(p("browserUserAgentPattern", Type.STRING, "(?i)mozilla/"))),
                Map.entry("TPV-1", List.of(p("maxReviewAgeDays", Type.INTEGER, "180"))));
        List<Check> checks = new ArrayList<>();
        for (String id : IDS) {
            checks.add(new Fake(id, params.getOrDefault(id, List.of())));
        }
        return List.copyOf(checks);
    }

    /** Only the given ids, with their catalog parameters. */
    static List<Check> only(String... ids) {
        List<String> wanted = List.of(ids);
        return catalog().stream().filter(c -> wanted.contains(c.id())).toList();
    }

    private static ParameterSpec p(String name, Type type, String defaultValue) {
        return ParameterSpec.of(name, type, defaultValue, name);
    }

    private record Fake(String id, List<ParameterSpec> parameters) implements Check {

        @Override
        public String title() {
            return "fake " + id;
        }

        @Override
        public Severity severity() {
            return Severity.MEDIUM;
        }

        @Override
        public SubjectType subjectType() {
            return SubjectType.AGENT;
        }

        @Override
        public String remediation() {
            return "none";
        }

        @Override
        public List<CheckResult> evaluate(Evidence evidence, Parameters parameters) {
            return List.of();
        }
    }
}
