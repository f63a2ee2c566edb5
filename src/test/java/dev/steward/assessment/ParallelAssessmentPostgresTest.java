package dev.steward.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * On PostgreSQL, in the application of {@link ShardedAssessmentPostgresTest} (same profile: small shards, the default
 * two evaluating threads), so that no further application is built and started for it.
 */
@QuarkusTest
@TestProfile(ShardedAssessmentPostgresTest.SmallShards.class)
class ParallelAssessmentPostgresTest extends ParallelAssessmentContract {
}
