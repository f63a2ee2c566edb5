package dev.steward.cli;

import dev.steward.audit.Actors;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code steward token create|list|revoke}: API tokens from the host, audited as {@code cli:<os user>}. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class,
                CommandLine.HelpCommand.class})
public class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code steward token create}: prints the plain token once. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create an API token and print it once (only its SHA-256 is stored).",
                    "Exit code: 0 when created, 2 on bad usage (a manager token needs --team)."})
    public static class Create implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "What the token is for (shown in listings and the audit trail).")
        String name;

        @Option(names = "--role", required = true, description = "viewer, manager, auditor or admin.")
        String role;

        @Option(names = "--team", paramLabel = "<team>", description = "A team a manager token may see (repeat for more).")
        List<String> teams;

        @Option(names = "--ttl", paramLabel = "<duration>", description = "Expires after 90d, 12h, 30m or PT12H. Default: never.")
        String ttl;

        @Spec
        CommandSpec spec;

        private final TokenService tokens;

        public Create(TokenService tokens) {
            this.tokens = tokens;
        }

        @Override
        @ActivateRequestContext
        public Integer call() {
            Instant expiresAt = ttl == null ? null
                    : Instant.now().plus(TokenService.ttl(ttl)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            TokenService.Created c = tokens.issue(name, Role.parse(role), teams == null ? List.of() : teams, expiresAt,
                    Actors.cli());
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Created token %d (%s, %s%s). It is shown this once:%n%s%n", c.id(), name, c.role().wire(),
                    expiresAt == null ? ", no expiry" : ", expires " + expiresAt, c.token());
            o.flush();
            return 0;
        }
    }

    /** {@code steward token list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List API tokens (never the tokens themselves).")
    public static class ListTokens implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        private final TokenService tokens;

        public ListTokens(TokenService tokens) {
            this.tokens = tokens;
        }

        @Override
        @ActivateRequestContext
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            o.printf("%-6s %-24s %-8s %-8s %-20s %-28s %s%n", "id", "name", "role", "status", "teams", "expires", "created by");
            for (TokenService.TokenView t : tokens.views()) {
                o.printf("%-6d %-24s %-8s %-8s %-20s %-28s %s%n", t.id(), t.name(), t.role(), t.status(),
                        String.join(",", t.teams()), t.expiresAt() == null ? "never" : t.expiresAt().toString(),
                        t.createdBy() == null ? "" : t.createdBy());
            }
            o.flush();
            return 0;
        }
    }

    /** {@code steward token revoke <id>}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revoke an API token; it is refused from then on.", "Exit code: 0 when revoked, 1 when there is"
                    + " no such token."})
    public static class Revoke implements Callable<Integer> {

        @Parameters(paramLabel = "<id>", description = "The token id (steward token list).")
        long id;

        @Spec
        CommandSpec spec;

        private final TokenService tokens;

        public Revoke(TokenService tokens) {
            this.tokens = tokens;
        }

        @Override
        @ActivateRequestContext
        public Integer call() {
            if (!tokens.revoke(id, Actors.cli())) {
                spec.commandLine().getErr().println("error: no token " + id);
                return 1;
            }
            spec.commandLine().getOut().println("Revoked token " + id);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
