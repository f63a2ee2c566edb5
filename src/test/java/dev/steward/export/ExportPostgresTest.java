package dev.steward.export;

import dev.steward.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The export contract on a real PostgreSQL (embedded binaries, no Docker). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ExportPostgresTest extends ExportContract {
}
