package dev.steward.assessment;

import dev.steward.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The assessment contract on a real PostgreSQL (embedded binaries, no Docker). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class AssessmentPostgresTest extends AssessmentContract {
}
