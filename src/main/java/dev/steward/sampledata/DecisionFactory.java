package dev.steward.sampledata;

import dev.steward.evidence.Autonomy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns the curated activities into decisions: regular streams (business hours for supervised and human-in-the-loop
 * agents, round the clock for autonomous ones, fewer on weekends), then tweaks, then scripted bursts; sorted by time
 * (stable, so equal instants keep agent order). Each agent draws from its own seeded stream, so changing one agent
 * never moves another's decisions.
 */
final class DecisionFactory {

    static final String[] ALLOW_REASONS = {"within policy", "scope granted", "within budget", "matched allow rule"};
    static final String[] DENY_REASONS = {"amount above limit", "outside allowed hours", "resource not in allowlist",
        "rate limit exceeded", "scope not granted for resource"};
    private static final String[] WILDCARD_ACTIONS = {"deployments:restart", "pods:logs", "dashboards:read",
        "incidents:ack", "nodes:cordon"};

    private final Map<String, List<CredentialSpec>> held = new HashMap<>();

    DecisionFactory(Org org) {
        for (CredentialSpec c : org.credentials) {
            c.holders.forEach(h -> held.computeIfAbsent(h, k -> new ArrayList<>()).add(c));
        }
        this.org = org;
    }

    private final Org org;

    List<Decision> generate(long seed) {
        List<Decision> all = new ArrayList<>();
        for (Activity act : org.activities.values()) {
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + act.agent.id.hashCode());
            all.addAll(forActivity(act, rng));
        }
        all.sort(Comparator.comparingLong(d -> d.epochSecond));
        return all;
    }

    private List<Decision> forActivity(Activity act, SplittableRandom rng) {
        List<Decision> regular = new ArrayList<>();
        if (act.perDay > 0) {
            LocalDate first = LocalDate.ofInstant(act.from, ZoneOffset.UTC);
            LocalDate last = LocalDate.ofInstant(act.to.minusSeconds(1), ZoneOffset.UTC);
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                regular.addAll(day(act, day, rng));
            }
        }
        for (int i = 0; i < regular.size(); i++) {
            for (Activity.Tweak t : act.tweaks) {
                if (i % t.every() == t.offset()) {
                    t.change().accept(regular.get(i));
                }
            }
        }
        List<Decision> out = new ArrayList<>(regular);
        for (Activity.Script s : act.scripts) {
            long from = s.from().getEpochSecond();
            long span = s.to().getEpochSecond() - from;
            long[] times = new long[s.count()];
            for (int i = 0; i < times.length; i++) {
                times[i] = from + rng.nextLong(span);
            }
            Arrays.sort(times);
            for (long t : times) {
                Decision d = regular(act, s.scope(), t, rng);
                s.change().accept(d);
                out.add(d);
            }
        }
        return out;
    }

    private List<Decision> day(Activity act, LocalDate day, SplittableRandom rng) {
        boolean office = act.agent.autonomy != Autonomy.AUTONOMOUS;
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        int spread = Math.max(1, act.perDay / 3);
        int n = Math.max(1, act.perDay + rng.nextInt(2 * spread + 1) - spread);
        if (office && weekend) {
            n = Math.max(1, n / 4);
        }
        long dayStart = day.toEpochDay() * 86_400L;
        long lo = Math.max(dayStart + (office ? 7 * 3600 : 0), act.from.getEpochSecond());
        long hi = Math.min(dayStart + (office ? 19 * 3600 : 86_400), act.to.getEpochSecond());
        if (hi <= lo) {
            return List.of();
        }
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = lo + rng.nextLong(hi - lo);
        }
        Arrays.sort(times);
        int denied = rng.nextDouble() < act.denyDayChance ? rng.nextInt(n) : -1;
        List<Decision> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String scope = act.scopes.get(rng.nextInt(act.scopes.size()));
            Decision d = regular(act, scope, times[i], rng);
            if (i == denied) {
                deny(d, rng);
            }
            out.add(d);
        }
        return out;
    }

    /** A regular allowed decision of the agent on the scope at the instant, with a usable credential. */
    Decision regular(Activity act, String scope, long epochSecond, SplittableRandom rng) {
        AgentSpec a = act.agent;
        Decision d = new Decision();
        d.epochSecond = epochSecond;
        d.agent = a.id;
        String[] parts = ("*".equals(scope)
                ? a.tools.get(rng.nextInt(a.tools.size())) + ":" + WILDCARD_ACTIONS[rng.nextInt(WILDCARD_ACTIONS.length)]
                : scope).split(":");
        d.tool = parts[0];
        d.action = parts[1] + "." + parts[2];
        d.resource = parts[0] + "://" + parts[1] + "/" + (10_000 + rng.nextInt(90_000));
        d.scope = scope;
        d.policy = a.team + "/" + parts[0] + ".rego#allow";
        d.reason = ALLOW_REASONS[rng.nextInt(ALLOW_REASONS.length)];
        d.trigger = trigger(a, rng);
        boolean read = parts[2].equals("read") || parts[2].equals("query");
        d.risk = read ? "low" : "medium";
        d.environment = a.environment;
        d.interactive = false;
        d.userAgent = a.vendor != null
                ? a.vendor.toLowerCase() + "-agent/2025.10"
                : Catalog.USER_AGENTS.get(a.index % Catalog.USER_AGENTS.size());
        d.credential = credentialFor(a, scope, Instant.ofEpochSecond(epochSecond), rng);
        if (act.delegateShare > 0 && !act.delegators.isEmpty() && rng.nextDouble() < act.delegateShare) {
            d.onBehalfOf = List.of(act.delegators.get(rng.nextInt(act.delegators.size())));
        }
        return d;
    }

    static void deny(Decision d, SplittableRandom rng) {
        d.allow = false;
        d.policy = d.policy == null ? null : d.policy.replace("#allow", "#deny");
        d.reason = DENY_REASONS[rng.nextInt(DENY_REASONS.length)];
    }

    private String trigger(AgentSpec a, SplittableRandom rng) {
        return switch (a.autonomy) {
            case AUTONOMOUS -> rng.nextInt(3) == 0
                    ? "schedule:" + a.id + "/hourly"
                    : "event:" + a.tools.get(0) + "/" + hex(rng);
            case SUPERVISED -> "task:" + Catalog.team(a.team).ticketPrefix() + "-" + (1000 + rng.nextInt(9000));
            case HUMAN_IN_THE_LOOP -> "prompt:" + hex(rng);
        };
    }

    private static String hex(SplittableRandom rng) {
        return String.format("%08x", rng.nextInt());
    }

    /**
     * A credential the agent holds that carries the scope and is usable at the instant. An agent that holds no
     * credential at all (a shadow principal) acts without one; an inventoried agent without a usable one is a
     * mistake in the plants, reported loudly.
     */
    private CredentialSpec credentialFor(AgentSpec a, String scope, Instant t, SplittableRandom rng) {
        List<CredentialSpec> mine = held.getOrDefault(a.id, List.of());
        if (mine.isEmpty()) {
            return null;
        }
        List<CredentialSpec> usable = mine.stream().filter(c -> c.scopes.contains(scope) && c.usableAt(t)).toList();
        if (usable.isEmpty()) {
            throw new IllegalStateException("no usable credential of " + a.id + " for " + scope + " at " + t);
        }
        return usable.get(rng.nextInt(usable.size()));
    }
}
