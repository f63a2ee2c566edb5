package dev.steward.cli;

import dev.steward.security.PasswordHasher;
import dev.steward.security.Role;
import dev.steward.security.SecurityEvents;
import dev.steward.security.SessionService;
import dev.steward.security.UserEntity;
import dev.steward.security.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code steward user}: the built-in users who sign in to the web UI. Passwords are read from the terminal (twice,
 * not echoed) or, for scripts, from the first line of standard input with {@code --password-stdin}; they are never
 * taken as an argument (it would land in shell history and the process list) and never printed.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Manage the users who sign in to the web UI (roles: viewer, manager, auditor, admin).",
                "A manager sees only the teams given with --teams."},
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.SetRole.class, UserCommand.Passwd.class,
                UserCommand.Disable.class, UserCommand.Enable.class})
public class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final String ACTOR = "cli:" + System.getProperty("user.name", "?");

    /** Reads a new password from stdin (first line) or the terminal (asked twice). */
    static String readPassword(boolean fromStdin, PrintWriter out) {
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new IllegalArgumentException("--password-stdin: nothing on standard input");
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask for the password: pipe it in with --password-stdin");
        }
        char[] a = console.readPassword("New password (12+ characters): ");
        char[] b = console.readPassword("Repeat it: ");
        if (a == null || b == null || !Arrays.equals(a, b)) {
            throw new IllegalArgumentException("the two passwords differ");
        }
        return new String(a);
    }

    /** {@code steward user add}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user.")
    static class Add implements Callable<Integer> {
        @Parameters(paramLabel = "<name>", description = "User name: letters, digits, . _ @ -")
        String name;
        @Option(names = "--role", required = true, paramLabel = "<role>", description = "viewer, manager, auditor or admin")
        String role;
        @Option(names = "--teams", paramLabel = "<a,b>", description = "The teams a manager sees (required for manager).")
        String teams;
        @Option(names = "--display-name", paramLabel = "<text>", description = "Name shown in the UI.")
        String displayName;
        @Option(names = "--person-id", paramLabel = "<id>", description = "The user's id in the people directory.")
        String personId;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;
        @Spec
        CommandSpec spec;
        @Inject
        UserService users;
        @Inject
        SecurityEvents events;

        @Override
        @ActivateRequestContext
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Role r = Role.parse(role);
            String password = readPassword(stdin, out);
            QuarkusTransaction.requiringNew().run(() -> users.add(name, displayName, password, r, UserService.parseTeams(teams),
                    personId));
            events.userChanged(ACTOR, name, "added role=" + r.wire());
            out.println("Added user " + name + " (" + r.wire() + ").");
            out.flush();
            return 0;
        }
    }

    /** {@code steward user list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users (never a password).")
    static class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Inject
        UserService users;

        @Override
        @ActivateRequestContext
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DateTimeFormatter t = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
            out.printf("%-20s %-8s %-9s %-24s %-12s %s%n", "user", "role", "status", "teams", "person", "last sign-in (UTC)");
            for (UserEntity u : QuarkusTransaction.requiringNew().call(users::all)) {
                out.printf("%-20s %-8s %-9s %-24s %-12s %s%n", u.username, u.role, u.disabled ? "disabled" : "enabled",
                        u.teams == null ? "-" : u.teams, u.personId == null ? "-" : u.personId,
                        u.lastSignInAt == null ? "never" : t.format(u.lastSignInAt));
            }
            out.flush();
            return 0;
        }
    }

    /** {@code steward user set-role}. */
    @Command(name = "set-role", mixinStandardHelpOptions = true, description = "Change a user's role (and a manager's teams);"
            + " ends the user's sessions.")
    static class SetRole implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<name>")
        String name;
        @Parameters(index = "1", paramLabel = "<role>", description = "viewer, manager, auditor or admin")
        String role;
        @Option(names = "--teams", paramLabel = "<a,b>", description = "The teams a manager sees.")
        String teams;
        @Spec
        CommandSpec spec;
        @Inject
        UserService users;
        @Inject
        SessionService sessions;
        @Inject
        SecurityEvents events;

        @Override
        @ActivateRequestContext
        public Integer call() {
            Role r = Role.parse(role);
            QuarkusTransaction.requiringNew().run(() -> {
                UserEntity u = users.change(name, new UserService.Change(r, teams == null ? null : UserService.parseTeams(teams),
                        null, null, null));
                sessions.closeAll(u.id);
            });
            events.userChanged(ACTOR, name, "role=" + r.wire() + (teams == null ? "" : " teams=" + teams));
            spec.commandLine().getOut().println("User " + name + " is now " + r.wire() + ".");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code steward user passwd}. */
    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a user's password; ends their sessions and"
            + " lifts a lock.")
    static class Passwd implements Callable<Integer> {
        @Parameters(paramLabel = "<name>")
        String name;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;
        @Spec
        CommandSpec spec;
        @Inject
        UserService users;
        @Inject
        SessionService sessions;
        @Inject
        SecurityEvents events;

        @Override
        @ActivateRequestContext
        public Integer call() {
            String password = readPassword(stdin, spec.commandLine().getOut());
            PasswordHasher.checkStrength(password);
            QuarkusTransaction.requiringNew().run(() -> {
                users.setPassword(name, password);
                sessions.closeAll(users.byName(name).orElseThrow().id);
            });
            events.userChanged(ACTOR, name, "password changed");
            spec.commandLine().getOut().println("Password of " + name + " changed.");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code steward user disable}. */
    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user: no sign-in, sessions end.")
    static class Disable implements Callable<Integer> {
        @Parameters(paramLabel = "<name>")
        String name;
        @Spec
        CommandSpec spec;
        @Inject
        UserService users;
        @Inject
        SessionService sessions;
        @Inject
        SecurityEvents events;

        @Override
        @ActivateRequestContext
        public Integer call() {
            return toggle(spec, users, sessions, events, name, true);
        }
    }

    /** {@code steward user enable}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user again.")
    static class Enable implements Callable<Integer> {
        @Parameters(paramLabel = "<name>")
        String name;
        @Spec
        CommandSpec spec;
        @Inject
        UserService users;
        @Inject
        SessionService sessions;
        @Inject
        SecurityEvents events;

        @Override
        @ActivateRequestContext
        public Integer call() {
            return toggle(spec, users, sessions, events, name, false);
        }
    }

    static int toggle(CommandSpec spec, UserService users, SessionService sessions, SecurityEvents events, String name,
            boolean disable) {
        QuarkusTransaction.requiringNew().run(() -> {
            UserEntity u = users.change(name, new UserService.Change(null, null, null, null, disable));
            sessions.closeAll(u.id);
        });
        events.userChanged(ACTOR, name, disable ? "disabled" : "enabled");
        spec.commandLine().getOut().println("User " + name + (disable ? " disabled." : " enabled."));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
