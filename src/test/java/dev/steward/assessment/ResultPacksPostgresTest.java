package dev.steward.assessment;

import dev.steward.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Where result packs live, on a real PostgreSQL (embedded binaries, no Docker). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ResultPacksPostgresTest extends ResultPacksContract {
}
