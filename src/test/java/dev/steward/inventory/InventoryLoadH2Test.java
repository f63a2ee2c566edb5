package dev.steward.inventory;

import io.quarkus.test.junit.QuarkusTest;

/** The lean inventory read against the entity path on the embedded default database (H2). */
@QuarkusTest
class InventoryLoadH2Test extends InventoryLoadContract {
}
