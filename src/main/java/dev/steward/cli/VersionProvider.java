package dev.steward.cli;

import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine;

/** Prints the application version from the build. */
public class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class).orElse("dev");
        return new String[] {"steward " + v};
    }
}
