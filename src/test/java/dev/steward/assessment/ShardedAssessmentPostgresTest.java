package dev.steward.assessment;

import dev.steward.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;

@QuarkusTest
@TestProfile(ShardedAssessmentPostgresTest.SmallShards.class)
class ShardedAssessmentPostgresTest extends ShardedAssessmentContract {

    /** PostgreSQL of its own, shards of at most 3,000 stored decision rows, and checks on two threads. */
    public static class SmallShards extends PostgresProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = new HashMap<>(super.getConfigOverrides());
            m.put("steward.assessment.shard-rows", "3000");
            m.put("steward.assessment.parallelism", "2");
            return m;
        }
    }
}
