package dev.steward.mapping;

import dev.steward.check.Check;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
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

    void onStart(@Observes StartupEvent event) {
        current();
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
