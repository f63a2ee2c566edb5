package dev.steward.testing;

import dev.steward.ingest.SourceAdapters;
import dev.steward.ingest.agentcard.AgentCardAdapter;
import dev.steward.ingest.aws.AwsIamAdapter;
import dev.steward.ingest.aws.CloudTrailAdapter;
import dev.steward.ingest.k8s.K8sAuditAdapter;
import dev.steward.ingest.k8s.K8sInventoryAdapter;
import dev.steward.ingest.ocsf.OcsfAdapter;
import dev.steward.ingest.opa.OpaAdapter;
import dev.steward.ingest.vault.VaultAdapter;
import java.util.List;

/** Every source adapter with its documented defaults, as the container would give them. */
public final class Sources {

    private Sources() {
    }

    public static SourceAdapters all() {
        return new SourceAdapters(List.of(new OpaAdapter(SourceConfigs.opa()), new VaultAdapter(SourceConfigs.vault()),
                new AwsIamAdapter(SourceConfigs.aws()), new CloudTrailAdapter(SourceConfigs.aws()),
                new K8sAuditAdapter(SourceConfigs.k8s()), new K8sInventoryAdapter(SourceConfigs.k8s()), new OcsfAdapter(),
                new AgentCardAdapter(SourceConfigs.agentCard())));
    }
}
