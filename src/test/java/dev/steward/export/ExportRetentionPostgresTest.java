package dev.steward.export;

import dev.steward.testing.RetentionPostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Export retention on PostgreSQL. */
@QuarkusTest
@TestProfile(RetentionPostgresProfile.class)
class ExportRetentionPostgresTest extends ExportRetentionContract {
}
