package dev.steward.check;

import dev.steward.check.rules.Aut1LeastPrivilegeCheck;
import dev.steward.check.rules.Aut2NoAdminGrantCheck;
import dev.steward.check.rules.Aut3PolicyEvaluationCheck;
import dev.steward.check.rules.Aut4HighRiskApprovalCheck;
import dev.steward.check.rules.Aut5DelegationBoundedCheck;
import dev.steward.check.rules.Aut6DeclaredToolsCheck;
import dev.steward.check.rules.Crd1CredentialLifetimeCheck;
import dev.steward.check.rules.Crd2RotationCheck;
import dev.steward.check.rules.Crd3SecretStorageCheck;
import dev.steward.check.rules.Crd4ExposureRemediatedCheck;
import dev.steward.check.rules.Crd5NoPasswordCheck;
import dev.steward.check.rules.Det1BehaviourChangeCheck;
import dev.steward.check.rules.Hum1NoHumanUseCheck;
import dev.steward.check.rules.Idn1WorkloadIdentityCheck;
import dev.steward.check.rules.Idn2SingleHolderCheck;
import dev.steward.check.rules.Idn3SingleEnvironmentCheck;
import dev.steward.check.rules.Inv1InventoriedPrincipalCheck;
import dev.steward.check.rules.Lif1NoOrphanedCredentialCheck;
import dev.steward.check.rules.Lif2CredentialUsedCheck;
import dev.steward.check.rules.Lif3KillSwitchTestedCheck;
import dev.steward.check.rules.Lif4RevocationEnforcedCheck;
import dev.steward.check.rules.Log1NoBlindSpotCheck;
import dev.steward.check.rules.Log2CompleteRecordsCheck;
import dev.steward.check.rules.Own1OwnerResolvesCheck;
import dev.steward.check.rules.Own2OwnerActiveCheck;
import dev.steward.check.rules.Own3BackupOwnerCheck;
import dev.steward.check.rules.Own4MonitoringDefinedCheck;
import dev.steward.check.rules.Own5AccessReviewedCheck;
import dev.steward.check.rules.Tpv1VendorAgentGovernedCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of CHECKS.md, in catalog order (INV, OWN, LIF, IDN, CRD, AUT, LOG, DET, HUM, TPV, then number). The
 * assessment runs {@link #all()}; reports and mappings look checks up with {@link #byId}. Built by CDI from every
 * {@link Check} bean, or with {@link #of} / {@link #allChecks()} where no container runs (plain tests, tools).
 */
@ApplicationScoped
public class CheckCatalog {

    /** Family prefixes in the order of CHECKS.md. */
    public static final List<String> FAMILIES = List.of("INV", "OWN", "LIF", "IDN", "CRD", "AUT", "LOG", "DET", "HUM", "TPV");

    /** Catalog order: family as in {@link #FAMILIES} (unknown families last, by name), then the number. */
    public static final Comparator<String> ID_ORDER = Comparator
            .comparingInt((String id) -> {
                int i = FAMILIES.indexOf(family(id));
                return i < 0 ? FAMILIES.size() : i;
            })
            .thenComparing(CheckCatalog::family)
            .thenComparingInt(CheckCatalog::number)
            .thenComparing(Comparator.naturalOrder());

    private final List<Check> checks;
    private final Map<String, Check> byId;

    @Inject
    public CheckCatalog(@Any Instance<Check> checks) {
        this(checks.stream().toList());
    }

    private CheckCatalog(Collection<Check> checks) {
        List<Check> sorted = new ArrayList<>(checks);
        sorted.sort(Comparator.comparing(Check::id, ID_ORDER));
        Map<String, Check> index = new LinkedHashMap<>();
        for (Check check : sorted) {
            Check previous = index.put(check.id(), check);
            if (previous != null) {
                throw new IllegalStateException("two checks share the id " + check.id() + ": "
                        + previous.getClass().getName() + " and " + check.getClass().getName());
            }
        }
        this.checks = List.copyOf(sorted);
        this.byId = index;
    }

    /** A catalog of the given checks (plain tests, tools without CDI); fails on duplicate ids. */
    public static CheckCatalog of(Collection<? extends Check> checks) {
        return new CheckCatalog(List.copyOf(checks));
    }

    /** A new instance of every rule class of the catalog, in catalog order. */
    public static List<Check> allChecks() {
        List<Check> all = new ArrayList<>(List.of(
                new Inv1InventoriedPrincipalCheck(),
                new Own1OwnerResolvesCheck(), new Own2OwnerActiveCheck(), new Own3BackupOwnerCheck(),
                new Own4MonitoringDefinedCheck(), new Own5AccessReviewedCheck(),
                new Lif1NoOrphanedCredentialCheck(), new Lif2CredentialUsedCheck(), new Lif3KillSwitchTestedCheck(),
                new Lif4RevocationEnforcedCheck(),
                new Idn1WorkloadIdentityCheck(), new Idn2SingleHolderCheck(), new Idn3SingleEnvironmentCheck(),
                new Crd1CredentialLifetimeCheck(), new Crd2RotationCheck(), new Crd3SecretStorageCheck(),
                new Crd4ExposureRemediatedCheck(), new Crd5NoPasswordCheck(),
                new Aut1LeastPrivilegeCheck(), new Aut2NoAdminGrantCheck(), new Aut3PolicyEvaluationCheck(),
                new Aut4HighRiskApprovalCheck(), new Aut5DelegationBoundedCheck(), new Aut6DeclaredToolsCheck(),
                new Log1NoBlindSpotCheck(), new Log2CompleteRecordsCheck(),
                new Det1BehaviourChangeCheck(),
                new Hum1NoHumanUseCheck(),
                new Tpv1VendorAgentGovernedCheck()));
        all.sort(Comparator.comparing(Check::id, ID_ORDER));
        return List.copyOf(all);
    }

    /** Every check in catalog order. */
    public List<Check> all() {
        return checks;
    }

    public Optional<Check> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    private static String family(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    private static int number(String id) {
        int dash = id.indexOf('-');
        try {
            return dash < 0 ? 0 : Integer.parseInt(id.substring(dash + 1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
