package dev.steward.mapping;

import dev.steward.check.Check;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The application's mappings: loaded and validated once at start-up against every {@link Check} bean, so a broken
 * mapping file stops the service with the full list of errors instead of surfacing mid-assessment. Injects the
 * checks directly ({@code @Any Instance<Check>}) rather than a catalog bean, so mapping has no compile dependency on
 * the check implementations.
 */
@ApplicationScoped
public class MappingRegistry {

    private static final Logger LOG = Logger.getLogger(MappingRegistry.class);

    private final MappingConfig config;
    private final Supplier<Collection<? extends Check>> checks;
    private volatile MappingSet current;

    @Inject
    public MappingRegistry(MappingConfig config, @Any Instance<Check> checks) {
        this(config, () -> checks.stream().toList());
    }

    MappingRegistry(MappingConfig config, Supplier<Collection<? extends Check>> checks) {
        this.config = config;
        this.checks = checks;
    }

    /**
     * Loads the mappings before any command or request. Mappings that do not load stop the start with one message
     * listing every error: thrown as a {@link ConfigurationException} without a cause, which Quarkus prints alone,
     * where any other exception would come with the whole start-up stack trace around the list.
     */
    void onStart(@Observes StartupEvent event) {
        try {
            current();
        } catch (MappingException e) {
            throw new ConfigurationException("Steward does not start: its mappings do not load"
                    + config.dir().map(d -> " (bundled, and steward.mappings.dir " + d + ")").orElse("") + ". "
                    + e.getMessage(), Set.of("steward.mappings.dir"));
        }
    }

    /**
     * The validated mappings.
     *
     * @throws MappingException listing every error when the mapping files are invalid
     */
    public MappingSet current() {
        MappingSet set = current;
        if (set == null) {
            synchronized (this) {
                set = current;
                if (set == null) {
                    set = new MappingLoader(checks.get(), config.maxFileBytes()).load(config.dir());
                    LOG.infof("Loaded %d frameworks and %d crosswalks, mapping version %s%s", set.frameworks().size(),
                            set.crosswalks().size(), set.mappingVersion(),
                            config.dir().map(d -> " (user folder " + d + ")").orElse(""));
                    current = set;
                }
            }
        }
        return set;
    }
}
