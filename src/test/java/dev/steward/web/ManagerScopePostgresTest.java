package dev.steward.web;

import dev.steward.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Manager scoping of the assessment API on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ManagerScopePostgresTest extends ManagerScopeContract {
}
