package dev.steward.ingest.k8s;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** How Kubernetes objects and audit events map to the evidence model. */
@ConfigMapping(prefix = "steward.sources.k8s")
public interface K8sConfig {

    /** Label or annotation keys (first found wins) that name a service account's owner (a person id). */
    @WithDefault("steward.dev/owner,owner")
    List<String> ownerKeys();

    /** Label or annotation keys that name the environment. */
    @WithDefault("steward.dev/environment,environment,env")
    List<String> environmentKeys();

    /** Label or annotation keys that name the team. */
    @WithDefault("steward.dev/team,team")
    List<String> teamKeys();

    /** Audit IDs remembered from ResponseStarted events, so their ResponseComplete is not counted twice. */
    @WithDefault("100000")
    int maxStartedRequests();
}
