package dev.steward.testing;

import dev.steward.ingest.agentcard.AgentCardConfig;
import dev.steward.ingest.aws.AwsConfig;
import dev.steward.ingest.k8s.K8sConfig;
import dev.steward.ingest.opa.OpaConfig;
import dev.steward.ingest.vault.VaultConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The documented defaults of the source adapters' configuration, for tests and tools without CDI. */
public final class SourceConfigs {

    private SourceConfigs() {
    }

    public static OpaConfig opa() {
        return opa("auto", Map.of());
    }

    /** OPA configuration with a preset and per-field overrides (field name → alternatives). */
    public static OpaConfig opa(String preset, Map<String, List<String>> overrides) {
        return new OpaConfig() {
            private Optional<List<String>> o(String field) {
                return Optional.ofNullable(overrides.get(field));
            }

            @Override
            public String preset() {
                return preset;
            }

            @Override
            public Optional<List<String>> agent() {
                return o("agent");
            }

            @Override
            public Optional<List<String>> credential() {
                return o("credential");
            }

            @Override
            public Optional<List<String>> tool() {
                return o("tool");
            }

            @Override
            public Optional<List<String>> action() {
                return o("action");
            }

            @Override
            public Optional<List<String>> resource() {
                return o("resource");
            }

            @Override
            public Optional<List<String>> onBehalfOf() {
                return o("onBehalfOf");
            }

            @Override
            public Optional<List<String>> scope() {
                return o("scope");
            }

            @Override
            public Optional<List<String>> trigger() {
                return o("trigger");
            }

            @Override
            public Optional<List<String>> environment() {
                return o("environment");
            }

            @Override
            public Optional<List<String>> userAgent() {
                return o("userAgent");
            }

            @Override
            public Optional<List<String>> risk() {
                return o("risk");
            }

            @Override
            public Optional<List<String>> approval() {
                return o("approval");
            }

            @Override
            public List<String> resultAllowed() {
                return List.of("/allowed", "/allow", "/decision");
            }

            @Override
            public List<String> resultReason() {
                return List.of("/reason", "/reasons", "/headers/x-ext-auth-deny-reason");
            }
        };
    }

    public static VaultConfig vault() {
        return vault("auto");
    }

    public static VaultConfig vault(String principal) {
        return new VaultConfig() {
            @Override
            public String principal() {
                return principal;
            }

            @Override
            public List<String> humanAuthPrefixes() {
                return List.of("oidc-", "userpass-", "ldap-", "okta-", "radius-");
            }

            @Override
            public int maxPendingRequests() {
                return 100_000;
            }

            @Override
            public int maxTokens() {
                return 100_000;
            }
        };
    }

    public static AwsConfig aws() {
        return new AwsConfig() {
            @Override
            public List<String> ownerTags() {
                return List.of("owner", "Owner", "steward:owner");
            }

            @Override
            public List<String> environmentTags() {
                return List.of("environment", "Environment", "env", "Env");
            }

            @Override
            public List<String> teamTags() {
                return List.of("team", "Team");
            }

            @Override
            public List<String> deniedErrorCodes() {
                return List.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
                        "Client.UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError", "AuthFailure",
                        "Forbidden");
            }

            @Override
            public int maxSessions() {
                return 100_000;
            }
        };
    }

    public static K8sConfig k8s() {
        return new K8sConfig() {
            @Override
            public List<String> ownerKeys() {
                return List.of("steward.dev/owner", "owner");
            }

            @Override
            public List<String> environmentKeys() {
                return List.of("steward.dev/environment", "environment", "env");
            }

            @Override
            public List<String> teamKeys() {
                return List.of("steward.dev/team", "team");
            }

            @Override
            public int maxStartedRequests() {
                return 100_000;
            }
        };
    }

    public static AgentCardConfig agentCard(String... ownOrganizations) {
        return () -> ownOrganizations.length == 0 ? Optional.empty() : Optional.of(List.of(ownOrganizations));
    }
}
