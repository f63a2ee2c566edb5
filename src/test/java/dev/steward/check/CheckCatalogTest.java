package dev.steward.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.check.rules.Own1OwnerResolvesCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog is the contract of CHECKS.md and of the parameter table in the helpers' common brief. */
class CheckCatalogTest {

    /** Id, severity and subject type of every check, in catalog order (CHECKS.md). */
    private static final List<String> CATALOG = List.of(
            "INV-1 CRITICAL PRINCIPAL",
            "OWN-1 HIGH AGENT", "OWN-2 HIGH AGENT", "OWN-3 LOW AGENT", "OWN-4 MEDIUM AGENT", "OWN-5 MEDIUM AGENT",
            "LIF-1 CRITICAL CREDENTIAL", "LIF-2 MEDIUM CREDENTIAL", "LIF-3 HIGH AGENT", "LIF-4 CRITICAL CREDENTIAL",
            "IDN-1 HIGH AGENT", "IDN-2 CRITICAL CREDENTIAL", "IDN-3 HIGH CREDENTIAL",
            "CRD-1 HIGH CREDENTIAL", "CRD-2 MEDIUM CREDENTIAL", "CRD-3 HIGH CREDENTIAL", "CRD-4 CRITICAL CREDENTIAL",
            "CRD-5 HIGH CREDENTIAL",
            "AUT-1 HIGH AGENT", "AUT-2 HIGH AGENT", "AUT-3 HIGH AGENT", "AUT-4 HIGH AGENT", "AUT-5 HIGH AGENT",
            "AUT-6 MEDIUM AGENT",
            "LOG-1 HIGH AGENT", "LOG-2 MEDIUM AGENT",
            "DET-1 HIGH AGENT",
            "HUM-1 HIGH CREDENTIAL",
            "TPV-1 MEDIUM AGENT");

    /** The parameter table: check id to "name TYPE default" entries, in declaration order. */
    private static final Map<String, List<String>> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("OWN-5", List.of("maxReviewAgeDays INTEGER 180"));
        PARAMETERS.put("LIF-1", List.of("ownerDepartureGraceDays INTEGER 7"));
        PARAMETERS.put("LIF-2", List.of("maxIdleDays INTEGER 90"));
        PARAMETERS.put("LIF-3", List.of("maxKillSwitchTestAgeDays INTEGER 180"));
        PARAMETERS.put("LIF-4", List.of("revocationGraceSeconds INTEGER 300"));
        PARAMETERS.put("IDN-1", List.of("acceptedIdentityTypes LIST spiffe,oidc,mtls,cloud-role"));
        PARAMETERS.put("CRD-1", List.of("maxLifetimeAutonomous DURATION PT1H", "maxLifetimeSupervised DURATION PT24H",
                "maxLifetimeOther DURATION P90D"));
        PARAMETERS.put("CRD-2", List.of("longLivedThreshold DURATION PT24H", "maxRotationAgeDays INTEGER 90"));
        PARAMETERS.put("CRD-3", List.of("approvedStorage LIST vault,secret-manager",
                "forbiddenStorage LIST env-var,config-file,source-code,ci-variable"));
        PARAMETERS.put("AUT-1", List.of("passMaxUnusedShare DECIMAL 0.2", "partialMaxUnusedShare DECIMAL 0.5"));
        PARAMETERS.put("AUT-2", List.of("adminPatterns LIST *,admin,root,owner"));
        PARAMETERS.put("AUT-3", List.of("passMinShare DECIMAL 0.99", "partialMinShare DECIMAL 0.90"));
        PARAMETERS.put("AUT-4", List.of("highRiskActionPatterns LIST "));
        PARAMETERS.put("AUT-5", List.of("maxDelegationDepth INTEGER 2"));
        PARAMETERS.put("LOG-2", List.of("passMinShare DECIMAL 0.99", "partialMinShare DECIMAL 0.90"));
        PARAMETERS.put("DET-1", List.of("recentDays INTEGER 7", "minRecentDenies INTEGER 10", "denyRateFactor DECIMAL 3"));
        PARAMETERS.put("HUM-1", List.of("browserUserAgentPattern STRING (?i)mozilla/"));
        PARAMETERS.put("TPV-1", List.of("maxReviewAgeDays INTEGER 180"));
    }

    private final CheckCatalog catalog = CheckCatalog.of(CheckCatalog.allChecks());

    @Test
    void holdsExactlyTheTwentyNineChecksOfTheCatalogInOrderWithSeverityAndSubject() {
        assertThat(catalog.all()).hasSize(29);
        assertThat(catalog.all()).extracting(c -> c.id() + " " + c.severity() + " " + c.subjectType()).containsExactlyElementsOf(CATALOG);
        assertThat(catalog.all().stream().map(Check::id).distinct()).hasSize(29);
    }

    @Test
    void parametersMatchTheContractTable() {
        for (Check check : catalog.all()) {
            List<String> expected = PARAMETERS.getOrDefault(check.id(), List.of());
            assertThat(check.parameters()).as(check.id())
                    .extracting(p -> p.name() + " " + p.type() + " " + p.defaultValue())
                    .containsExactlyElementsOf(expected);
            for (ParameterSpec spec : check.parameters()) {
                assertThat(Parameters.validate(spec, spec.defaultValue())).as(check.id() + " " + spec.name()).isNull();
                assertThat(spec.description()).as(check.id() + " " + spec.name()).isNotBlank();
            }
        }
    }

    @Test
    void onlyOwn5HasAnEnvironmentDefaultProd90() {
        Map<String, Map<String, String>> envDefaults = catalog.all().stream()
                .flatMap(c -> c.parameters().stream().filter(p -> !p.environmentDefaults().isEmpty())
                        .map(p -> Map.entry(c.id() + "." + p.name(), p.environmentDefaults())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(envDefaults).containsExactly(Map.entry("OWN-5.maxReviewAgeDays", Map.of("prod", "90")));
    }

    @Test
    void everyCheckHasTitleAndOneSentenceRemediation() {
        for (Check check : catalog.all()) {
            assertThat(check.title()).as(check.id()).isNotBlank();
            assertThat(check.remediation()).as(check.id()).endsWith(".").doesNotContain("\n");
            assertThat(check.remediation().indexOf(". ")).as(check.id() + " one sentence").isLessThan(0);
        }
    }

    @Test
    void everyRuleClassIsAnApplicationScopedBeanWithPublicNoArgConstructor() throws Exception {
        for (Check check : CheckCatalog.allChecks()) {
            Class<?> type = check.getClass();
            assertThat(type.getPackageName()).isEqualTo("dev.steward.check.rules");
            assertThat(type.isAnnotationPresent(ApplicationScoped.class)).as(type.getSimpleName()).isTrue();
            assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
            String family = check.id().substring(0, 1) + check.id().substring(1, 3).toLowerCase() + check.id().substring(4);
            assertThat(type.getSimpleName()).as(check.id()).startsWith(family).endsWith("Check");
        }
    }

    @Test
    void byIdFindsChecksAndEmptyOtherwise() {
        assertThat(catalog.byId("LIF-4")).get().extracting(Check::title).isEqualTo("Revocation takes effect");
        assertThat(catalog.byId("XYZ-1")).isEmpty();
        assertThat(catalog.byId(null)).isEmpty();
    }

    @Test
    void ofSortsIntoCatalogOrderAndRejectsDuplicateIds() {
        List<Check> reversed = new java.util.ArrayList<>(CheckCatalog.allChecks());
        java.util.Collections.reverse(reversed);
        assertThat(CheckCatalog.of(reversed).all()).extracting(Check::id).startsWith("INV-1", "OWN-1", "OWN-2").endsWith("HUM-1", "TPV-1");
        assertThatThrownBy(() -> CheckCatalog.of(List.of(new Own1OwnerResolvesCheck(), new Own1OwnerResolvesCheck())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OWN-1");
    }

    @Test
    void idOrderPutsTenAfterTwo() {
        List<String> ids = new java.util.ArrayList<>(List.of("AUT-10", "ZZZ-1", "AUT-2", "INV-1"));
        ids.sort(CheckCatalog.ID_ORDER);
        assertThat(ids).containsExactly("INV-1", "AUT-2", "AUT-10", "ZZZ-1");
    }
}
