package dev.steward.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

@QuarkusTest
@TestProfile(ShardedAssessmentH2Test.SmallShards.class)
class ShardedAssessmentH2Test extends ShardedAssessmentContract {

    /** A database of its own, shards of at most 3,000 stored decision rows, and checks on two threads. */
    public static class SmallShards implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:sharded;DB_CLOSE_DELAY=-1",
                    "steward.assessment.shard-rows", "3000", "steward.assessment.parallelism", "2");
        }
    }
}
