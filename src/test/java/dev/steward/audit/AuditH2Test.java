package dev.steward.audit;

import io.quarkus.test.junit.QuarkusTest;

/** The audit contract on H2, where nothing in the database stops an UPDATE: verification is the guard. */
@QuarkusTest
class AuditH2Test extends AuditContract {
    @Override
    boolean guardedByTrigger() {
        return false;
    }
}
