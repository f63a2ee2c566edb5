package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.dayAgo;
import static dev.steward.check.rules.Fixtures.src;

import dev.steward.evidence.DecisionAggregate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fluent fixture for a decision aggregate: by default one allowed decision on the day before as-of, 10:00-11:00 UTC,
 * naming its policy and complete.
 */
final class DecisionBuilder {

    private final String agent;
    private final String credential;
    private LocalDate day = dayAgo(1);
    private String tool;
    private String action;
    private String scope;
    private String environment;
    private boolean allowed = true;
    private List<String> onBehalfOf = List.of();
    private long count = 1;
    private Long withPolicy;
    private Long complete;
    private long human;
    private long highRisk;
    private long approved;
    private long highRiskApproved;
    private Instant firstAt;
    private Instant lastAt;

    DecisionBuilder(String agent, String credential) {
        this.agent = agent;
        this.credential = credential;
    }

    DecisionBuilder day(LocalDate day) {
        this.day = day;
        return this;
    }

    DecisionBuilder daysAgo(long days) {
        this.day = dayAgo(days);
        return this;
    }

    DecisionBuilder tool(String tool) {
        this.tool = tool;
        return this;
    }

    DecisionBuilder action(String action) {
        this.action = action;
        return this;
    }

    DecisionBuilder scope(String scope) {
        this.scope = scope;
        return this;
    }

    DecisionBuilder env(String environment) {
        this.environment = environment;
        return this;
    }

    DecisionBuilder denied() {
        this.allowed = false;
        return this;
    }

    DecisionBuilder onBehalfOf(String... chain) {
        this.onBehalfOf = List.of(chain);
        return this;
    }

    DecisionBuilder count(long count) {
        this.count = count;
        return this;
    }

    DecisionBuilder withPolicy(long withPolicy) {
        this.withPolicy = withPolicy;
        return this;
    }

    DecisionBuilder complete(long complete) {
        this.complete = complete;
        return this;
    }

    DecisionBuilder human(long human) {
        this.human = human;
        return this;
    }

    DecisionBuilder highRisk(long highRisk, long highRiskApproved) {
        this.highRisk = highRisk;
        this.highRiskApproved = highRiskApproved;
        return this;
    }

    DecisionBuilder approved(long approved) {
        this.approved = approved;
        return this;
    }

    /** First and last decision instants; the day follows the first. */
    DecisionBuilder between(Instant first, Instant last) {
        this.firstAt = first;
        this.lastAt = last;
        this.day = LocalDate.ofInstant(first, ZoneOffset.UTC);
        return this;
    }

    DecisionAggregate build() {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new DecisionAggregate(day, agent, credential, tool, action, scope, environment, allowed, onBehalfOf,
                count, withPolicy == null ? count : withPolicy, complete == null ? count : complete, human,
                highRisk, approved, highRiskApproved,
                firstAt == null ? start.plus(Duration.ofHours(10)) : firstAt,
                lastAt == null ? start.plus(Duration.ofHours(11)) : lastAt);
    }
}
