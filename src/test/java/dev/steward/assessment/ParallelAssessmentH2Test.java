package dev.steward.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * On H2, in the application of {@link ShardedAssessmentH2Test} (same profile: small shards, the default two
 * evaluating threads), so that no further application is started for it.
 */
@QuarkusTest
@TestProfile(ShardedAssessmentH2Test.SmallShards.class)
class ParallelAssessmentH2Test extends ParallelAssessmentContract {
}
