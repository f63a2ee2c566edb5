package dev.steward.security;

import io.quarkus.test.junit.QuarkusTest;

/** The user and session contract on the embedded H2 store. */
@QuarkusTest
class UserSessionH2Test extends UserSessionContract {
}
