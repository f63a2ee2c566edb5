package dev.steward.audit;

import dev.steward.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The audit contract on PostgreSQL, where a trigger also rejects UPDATE and DELETE of audit_event. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class AuditPostgresTest extends AuditContract {
    @Override
    boolean guardedByTrigger() {
        return true;
    }
}
