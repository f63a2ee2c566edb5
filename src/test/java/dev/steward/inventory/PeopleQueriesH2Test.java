package dev.steward.inventory;

import io.quarkus.test.junit.QuarkusTest;

/** The people directory's listings and reads on the default H2 store. */
@QuarkusTest
class PeopleQueriesH2Test extends PeopleQueriesContract {
}
