package dev.steward.web;

import io.quarkus.test.junit.QuarkusTest;

/** Manager scoping of the assessment API on H2. */
@QuarkusTest
class ManagerScopeH2Test extends ManagerScopeContract {
}
