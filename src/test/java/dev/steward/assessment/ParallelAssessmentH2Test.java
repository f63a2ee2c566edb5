package dev.steward.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

@QuarkusTest
@TestProfile(ParallelAssessmentH2Test.TwoThreads.class)
class ParallelAssessmentH2Test extends ParallelAssessmentContract {

    /** A database of its own, small shards and two evaluating threads. */
    public static class TwoThreads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:parallel;DB_CLOSE_DELAY=-1",
                    "steward.assessment.shard-rows", "3000", "steward.assessment.parallelism", "2");
        }
    }
}
