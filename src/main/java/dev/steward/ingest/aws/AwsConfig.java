package dev.steward.ingest.aws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** How AWS exports and CloudTrail records map to the evidence model. */
@ConfigMapping(prefix = "steward.sources.aws")
public interface AwsConfig {

    /** Tag keys (first found wins) that name a role's or user's owner (a person id). */
    @WithDefault("owner,Owner,steward:owner")
    List<String> ownerTags();

    /** Tag keys that name the environment. */
    @WithDefault("environment,Environment,env,Env")
    List<String> environmentTags();

    /** Tag keys that name the team. */
    @WithDefault("team,Team")
    List<String> teamTags();

    /** CloudTrail errorCodes that mean the call was denied (other errors are allowed calls that failed). */
    @WithDefault("AccessDenied,AccessDeniedException,UnauthorizedOperation,Client.UnauthorizedOperation,"
            + "UnauthorizedAccess,AuthorizationError,AuthFailure,Forbidden")
    List<String> deniedErrorCodes();

    /** Distinct STS sessions recorded as credentials per CloudTrail upload; past this they are counted in a warning. */
    @WithDefault("100000")
    int maxSessions();
}
