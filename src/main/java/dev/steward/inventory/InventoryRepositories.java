package dev.steward.inventory;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Panache repositories of the inventory entities. */
public final class InventoryRepositories {

    private InventoryRepositories() {
    }

    @ApplicationScoped
    public static class PersonRepository implements PanacheRepository<PersonEntity> {
    }

    @ApplicationScoped
    public static class AgentRepository implements PanacheRepository<AgentEntity> {
    }

    @ApplicationScoped
    public static class CredentialRepository implements PanacheRepository<CredentialEntity> {
    }

    @ApplicationScoped
    public static class SecretFindingRepository implements PanacheRepository<SecretFindingEntity> {
    }
}
