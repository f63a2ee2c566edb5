package dev.steward.ingest.vault;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** How Vault audit log entries map to decisions and credentials. */
@ConfigMapping(prefix = "steward.sources.vault")
public interface VaultConfig {

    /**
     * Who the principal of a request is: {@code auto} (an AppRole's role_name as approle:&lt;role&gt;, a Kubernetes
     * auth service account as system:serviceaccount:&lt;ns&gt;:&lt;name&gt;, else display_name unless it is the
     * generic "token", else entity:&lt;entity_id&gt;), {@code display-name} or {@code entity-id}.
     */
    @WithDefault("auto")
    String principal();

    /** display_name prefixes of auth methods people log in with; their requests are marked interactive (HUM-1). */
    @WithDefault("oidc-,userpass-,ldap-,okta-,radius-")
    List<String> humanAuthPrefixes();

    /** Requests kept waiting for their response; past this the oldest is decided from its request alone. */
    @WithDefault("100000")
    int maxPendingRequests();

    /** Distinct tokens recorded as credentials per upload; past this they are counted in a warning. */
    @WithDefault("100000")
    int maxTokens();
}
