package dev.steward.check.rules;

import dev.steward.check.EvidenceRef;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.DecisionList;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.text.Words;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Small shared vocabulary of the rule classes: how dates, durations and lists are written in reasons (numbers and
 * instants: {@link Formats}), how evidence references are built, and a few pure helpers (sums, filters and distinct
 * values over aggregates). Kept in one place so every check words the same fact the same way.
 */
final class Rules {

    private static final double EPSILON = 1e-9;

    private Rules() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Lower-case environment for parameter lookup; {@code production} counts as {@code prod} (as AgentRecord.prod()). */
    static String env(String environment) {
        if (blank(environment)) {
            return null;
        }
        String e = environment.trim().toLowerCase(Locale.ROOT);
        return "production".equals(e) ? "prod" : e;
    }

    /**
     * The UTC day of an instant, e.g. 2026-08-14. The texts of the days from 1970 to 2149 are made once each and kept
     * (a run writes the same few hundred days into hundreds of thousands of reasons); a race between two threads
     * makes the same text twice, either of which is right.
     */
    static String day(Instant instant) {
        if (instant == null) {
            return "unknown date";
        }
        long epochDay = Math.floorDiv(instant.getEpochSecond(), 86_400L);
        if (epochDay < 0 || epochDay >= DAYS.length) {
            return LocalDate.ofEpochDay(epochDay).toString();
        }
        return day(epochDay);
    }

    /** The text of a day ({@code LocalDate.toString()}), from the same table as {@link #day(Instant)}. */
    static String date(LocalDate date) {
        long epochDay = date.toEpochDay();
        return epochDay < 0 || epochDay >= DAYS.length ? date.toString() : day(epochDay);
    }

    private static String day(long epochDay) {
        String text = DAYS[(int) epochDay];
        if (text == null) {
            text = LocalDate.ofEpochDay(epochDay).toString();
            DAYS[(int) epochDay] = text;
        }
        return text;
    }

    /** {@link #day} by epoch day, filled as used. */
    private static final String[] DAYS = new String[1 << 16];

    /**
     * Whether {@code at} lies in [asOf - days, asOf] (both ends included, so "exactly 90 days ago" is within 90
     * days). A date after the as-of instant is not within: it is not evidence as of that instant.
     */
    static boolean within(Instant at, Instant asOf, long days) {
        return at != null && !at.isAfter(asOf) && !at.isBefore(asOf.minus(Duration.ofDays(days)));
    }

    /** "31 days ago", or "after the as-of date" for a date later than the as-of instant. */
    static String age(Instant at, Instant asOf) {
        if (at.isAfter(asOf)) {
            return "dated after the as-of date " + day(asOf);
        }
        long days = Duration.between(at, asOf).toDays();
        return days == 1 ? "1 day ago" : days + " days ago";
    }

    /** A duration for people: "90 d", "1 h", "2 d 3 h", "300 s". */
    static String human(Duration d) {
        if (d.isNegative()) {
            return "-" + human(d.negated());
        }
        if (d.isZero()) {
            return "0 s";
        }
        StringBuilder b = new StringBuilder(16);
        long days = d.toDays();
        if (days > 0) {
            b.append(days).append(" d");
        }
        part(b, d.toHoursPart(), " h");
        part(b, d.toMinutesPart(), " min");
        part(b, d.toSecondsPart(), " s");
        return b.length() == 0 ? "<1 s" : b.toString();
    }

    /** Appends a part of {@link #human} when it is not zero, after a space when it is not the first. */
    private static void part(StringBuilder b, int value, String unit) {
        if (value > 0) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(value).append(unit);
        }
    }

    /** a <= b, tolerant of binary rounding (1/5 vs 0.2). */
    static boolean atMost(double a, double b) {
        return a <= b + EPSILON;
    }

    /** a >= b, tolerant of binary rounding. */
    static boolean atLeast(double a, double b) {
        return a + EPSILON >= b;
    }

    /** "1 decision", "2 decisions", "0 decisions" ({@link Words#count(long, String)}). */
    static String count(long n, String noun) {
        return Words.count(n, noun);
    }

    /** "1 deny", "2 denies" ({@link Words#count(long, String, String)}). */
    static String count(long n, String singular, String plural) {
        return Words.count(n, singular, plural);
    }

    /** "a, b, c" or "a, b, c and 4 more". */
    static String list(Collection<String> items, int max) {
        return Words.list(items, max);
    }

    static String list(Collection<String> items) {
        return list(items, 10);
    }

    static long sum(Collection<DecisionAggregate> aggregates, ToLongFunction<DecisionAggregate> field) {
        long sum = 0;
        for (DecisionAggregate a : aggregates) {
            sum += field.applyAsLong(a);
        }
        return sum;
    }

    /**
     * Distinct non-null values in natural order, as a list: what a TreeSet gives, without a tree node per value (the
     * TreeSet this was made about 4 % of the checks at 10M decisions; a subject's aggregates mostly repeat one value,
     * so a value equal to the one before, or already in a short list ({@link #addUnlessSeen}), is skipped before the
     * sort). Sorted, so callers look values up by binary search.
     */
    static List<String> distinct(Collection<DecisionAggregate> aggregates,
            java.util.function.Function<DecisionAggregate, String> field) {
        List<String> values = new ArrayList<>(4);
        String last = null;
        for (DecisionAggregate a : aggregates) {
            String v = field.apply(a);
            if (v != null && !v.equals(last)) {
                addUnlessSeen(values, v);
                last = v;
            }
        }
        sortDistinct(values);
        return values;
    }

    /**
     * The aggregates that pass {@code keep}, in order. When every one passes, {@code aggregates} itself (a subject's
     * own list, whose {@link #decisions} summary other checks share), else a new list. A plain loop: a stream per
     * subject and check was a fifth of the checks' time at 10M decisions.
     */
    static List<DecisionAggregate> filter(List<DecisionAggregate> aggregates, Predicate<DecisionAggregate> keep) {
        int n = aggregates.size();
        int i = 0;
        while (i < n && keep.test(aggregates.get(i))) {
            i++;
        }
        if (i == n) {
            return aggregates;
        }
        List<DecisionAggregate> kept = new ArrayList<>(aggregates.subList(0, i));
        for (i++; i < n; i++) {
            DecisionAggregate a = aggregates.get(i);
            if (keep.test(a)) {
                kept.add(a);
            }
        }
        return kept;
    }

    /** The latest decision instant of an aggregate; without lastAt, the end of its day (the cautious reading). */
    static Instant lastAt(DecisionAggregate a) {
        return a.lastAt() != null ? a.lastAt() : a.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    }

    static Instant firstAt(DecisionAggregate a) {
        return a.firstAt() != null ? a.firstAt() : a.day().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The earliest decision instant of the aggregates ({@link #firstAt}); null when there are none. */
    static Instant firstSeen(Collection<DecisionAggregate> aggregates) {
        Instant first = null;
        for (DecisionAggregate a : aggregates) {
            Instant t = firstAt(a);
            first = first == null || t.isBefore(first) ? t : first;
        }
        return first;
    }

    /** The latest decision instant of the aggregates ({@link #lastAt}); null when there are none. */
    static Instant lastSeen(Collection<DecisionAggregate> aggregates) {
        Instant last = null;
        for (DecisionAggregate a : aggregates) {
            Instant t = lastAt(a);
            last = last == null || t.isAfter(last) ? t : last;
        }
        return last;
    }

    static EvidenceRef agent(AgentRecord a, String detail) {
        return new EvidenceRef("agent", a.id(), detail, a.source());
    }

    static EvidenceRef credential(CredentialRecord c, String detail) {
        return new EvidenceRef("credential", c.id(), detail, c.source());
    }

    static EvidenceRef person(PersonRecord p, String detail) {
        return new EvidenceRef("person", p.id(), detail, p.source());
    }

    static EvidenceRef grant(AgentRecord a, String grant, String detail) {
        return new EvidenceRef("grant", grant, detail, a.source());
    }

    static EvidenceRef secret(SecretFinding s) {
        String detail = "secret value (" + (s.kind() == null ? "unknown kind" : s.kind()) + ") found"
                + (s.field() == null ? "" : " in field " + s.field()) + " on " + day(s.foundAt());
        return new EvidenceRef("secret", s.credentialId(), detail, s.source());
    }

    /**
     * Evidence for a set of decision aggregates: the id names the agents, credentials and UTC days they cover
     * ({@code agent=a;credential=c;days=2026-10-01..2026-10-30}) so a person can query the raw decisions; the detail
     * gives the counts and the first and last decision. {@code extra} is appended to the detail when not null.
     */
    static EvidenceRef decisions(Collection<DecisionAggregate> aggregates, String extra) {
        DecisionSummary s = aggregates instanceof DecisionList list ? list.derive(SUMMARY)
                : DecisionSummary.of(aggregates);
        return new EvidenceRef("decisions", s.id(), extra == null ? s.detail() : s.detail() + "; " + extra, null);
    }

    /** Derived once per subject's own list ({@link DecisionList}): many checks describe the same list alike. */
    private static final Function<List<DecisionAggregate>, DecisionSummary> SUMMARY = DecisionSummary::of;

    /**
     * Adds a value to a list being collected for {@link #sortDistinct}, unless the list is short and holds it already:
     * a subject's decisions name a handful of agents, credentials or tools, alternating from day to day, so the list
     * stays that short instead of collecting every repeat for the sort to drop (which was about 0.4 s of a warm
     * 10M-decision run, in the decisions' summary). A longer list takes every value and the sort drops the repeats.
     */
    static void addUnlessSeen(List<String> values, String v) {
        int n = values.size();
        if (n <= SCANNED) {
            for (int i = n - 1; i >= 0; i--) {
                if (values.get(i).equals(v)) {
                    return;
                }
            }
        }
        values.add(v);
    }

    /** Values {@link #addUnlessSeen} looks through at most. */
    private static final int SCANNED = 16;

    /**
     * Sorts the list in natural order and drops repeats: what a TreeSet gives, without a tree node per value (a
     * TreeSet per subject, mostly its add, made this method 13 % of the checks at 100k agents; most lists hold one
     * or two values).
     */
    static void sortDistinct(List<String> values) {
        if (values.size() < 2) {
            return;
        }
        values.sort(null);
        int kept = 1;
        for (int i = 1; i < values.size(); i++) {
            String v = values.get(i);
            if (!v.equals(values.get(kept - 1))) {
                values.set(kept++, v);
            }
        }
        values.subList(kept, values.size()).clear();
    }

    /** Why a credential is not active at the as-of instant, for NOT_APPLICABLE reasons. */
    static String inactiveReason(CredentialRecord c, Instant asOf) {
        if (c.revokedAt() != null && !c.revokedAt().isAfter(asOf)) {
            return "credential revoked " + day(c.revokedAt());
        }
        if ("revoked".equalsIgnoreCase(c.status())) {
            return "credential revoked";
        }
        if (c.expiresAt() != null && !c.expiresAt().isAfter(asOf)) {
            return "credential expired " + day(c.expiresAt());
        }
        return "credential not active (status " + c.status() + ")";
    }

    static String decommissionedReason(AgentRecord a) {
        return a.decommissionedAt() == null ? "agent decommissioned" : "agent decommissioned " + day(a.decommissionedAt());
    }
}
