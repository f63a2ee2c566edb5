package dev.steward.attestation;

import dev.steward.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The attestation contract on a real PostgreSQL (embedded binaries, no Docker). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class AttestationPostgresTest extends AttestationContract {
}
