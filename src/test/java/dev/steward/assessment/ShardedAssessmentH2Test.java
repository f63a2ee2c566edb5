package dev.steward.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

@QuarkusTest
@TestProfile(ShardedAssessmentH2Test.SmallShards.class)
class ShardedAssessmentH2Test extends ShardedAssessmentContract {

    /**
     * A database of its own, shards of at most 400 stored decision rows (sample-data/ makes more than 64 of them, many
     * with no agent or credential of their own), and checks on two threads.
     */
    public static class SmallShards implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:sharded;DB_CLOSE_DELAY=-1",
                    "steward.assessment.shard-rows", "400", "steward.assessment.parallelism", "2");
        }
    }
}
