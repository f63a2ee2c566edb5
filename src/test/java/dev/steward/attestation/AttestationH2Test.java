package dev.steward.attestation;

import io.quarkus.test.junit.QuarkusTest;

/** The attestation contract on the embedded default database. */
@QuarkusTest
class AttestationH2Test extends AttestationContract {
}
