package dev.steward.decisions;

import dev.steward.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The decision store contract on a real PostgreSQL (embedded binaries, no Docker). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class DecisionStorePostgresTest extends DecisionStoreContract {
}
