package dev.steward.assessment;

import dev.steward.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;

@QuarkusTest
@TestProfile(ParallelAssessmentPostgresTest.TwoThreads.class)
class ParallelAssessmentPostgresTest extends ParallelAssessmentContract {

    /** PostgreSQL of its own, small shards and two evaluating threads. */
    public static class TwoThreads extends PostgresProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = new HashMap<>(super.getConfigOverrides());
            m.put("steward.assessment.shard-rows", "3000");
            m.put("steward.assessment.parallelism", "2");
            return m;
        }
    }
}
