package dev.steward.check.rules;

import dev.steward.evidence.DecisionAggregate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * The id and the detail (without a check's extra text) of a "decisions" evidence reference ({@link Rules#decisions}):
 * the id names the agents, credentials and UTC days the aggregates cover, sorted and without repeats
 * ({@code agent=a;credential=c,d;days=2026-10-01..2026-10-30}), the detail the counts and the first and last
 * decision ({@code 3 decisions (2 allowed, 1 denied), first 2026-10-01T08:00:00Z, last 2026-10-30T17:00:00Z}).
 *
 * <p>Written once per subject's own list and for every filtered list a check describes (about 400k times at 10M
 * decisions): the aggregates are walked by index and both texts written into one builder each, with the days from
 * {@link Rules#date(LocalDate)}'s table and the instants appended in place (the concatenations and list of parts
 * before allocated more; measured, that made no difference to a run's time: docs/benchmarks.md).
 */
record DecisionSummary(String id, String detail) {

    static DecisionSummary of(Collection<DecisionAggregate> aggregates) {
        List<DecisionAggregate> list = aggregates instanceof List<DecisionAggregate> l && l instanceof RandomAccess
                ? l : new ArrayList<>(aggregates);
        List<String> agents = new ArrayList<>(2);
        List<String> credentials = new ArrayList<>(4);
        String lastAgent = null;
        String lastCredential = null;
        LocalDate from = null;
        LocalDate to = null;
        long count = 0;
        long allowed = 0;
        Instant first = null;
        Instant last = null;
        int n = list.size();
        for (int i = 0; i < n; i++) {
            DecisionAggregate a = list.get(i);
            String agent = a.agent();
            if (agent != null && !agent.equals(lastAgent)) {
                Rules.addUnlessSeen(agents, agent);
                lastAgent = agent;
            }
            String credential = a.credential();
            if (credential != null && !credential.equals(lastCredential)) {
                Rules.addUnlessSeen(credentials, credential);
                lastCredential = credential;
            }
            LocalDate day = a.day();
            from = from == null || day.isBefore(from) ? day : from;
            to = to == null || day.isAfter(to) ? day : to;
            count += a.count();
            allowed += a.allowed() ? a.count() : 0;
            Instant f = Rules.firstAt(a);
            Instant t = Rules.lastAt(a);
            first = first == null || f.isBefore(first) ? f : first;
            last = last == null || t.isAfter(last) ? t : last;
        }
        Rules.sortDistinct(agents);
        Rules.sortDistinct(credentials);
        StringBuilder id = new StringBuilder(96);
        if (!agents.isEmpty()) {
            id.append("agent=").append(String.join(",", agents));
        }
        if (!credentials.isEmpty()) {
            separated(id).append("credential=").append(String.join(",", credentials));
        }
        separated(id).append("days=");
        if (from == null) {
            id.append("none");
        } else {
            id.append(Rules.date(from));
            if (!from.equals(to)) {
                id.append("..").append(Rules.date(to));
            }
        }
        StringBuilder detail = new StringBuilder(112);
        detail.append(Rules.count(count, "decision")).append(" (").append(allowed).append(" allowed, ")
                .append(count - allowed).append(" denied)");
        if (n > 0) {
            Formats.instant(detail.append(", first "), first);
            Formats.instant(detail.append(", last "), last);
        }
        return new DecisionSummary(id.toString(), detail.toString());
    }

    /** A ';' before the next part of an id, unless it is the first. */
    private static StringBuilder separated(StringBuilder id) {
        return id.length() == 0 ? id : id.append(';');
    }
}
