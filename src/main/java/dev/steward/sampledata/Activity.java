package dev.steward.sampledata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How one agent (or shadow principal) shows up in the curated decision log: a regular stream of decisions between
 * {@code from} and {@code to}, changed by tweaks (every n-th regular decision) and completed by scripted bursts.
 * Background agents keep the defaults, which pass every check; plants change them.
 */
final class Activity {

    /** Changes every {@code every}-th regular decision, starting at index {@code offset}. */
    record Tweak(int every, int offset, Consumer<Decision> change) {
    }

    /** {@code count} extra decisions on {@code scope} at random instants in [from, to), each then changed. */
    record Script(Instant from, Instant to, int count, String scope, Consumer<Decision> change) {
    }

    final AgentSpec agent;
    Instant from;
    Instant to;
    int perDay;
    /** Scopes drawn for regular decisions; by default every grant, so that every grant is used. */
    List<String> scopes;
    /** Chance that a day has one denied decision; at most one per day keeps background agents below DET-1. */
    double denyDayChance = 0.15;
    /** Share of regular decisions made on behalf of one of {@code delegators} (people of the agent's team). */
    double delegateShare;
    List<String> delegators = List.of();
    final List<Tweak> tweaks = new ArrayList<>();
    final List<Script> scripts = new ArrayList<>();

    Activity(AgentSpec agent, Instant from, Instant to, int perDay) {
        this.agent = agent;
        this.from = from;
        this.to = to;
        this.perDay = perDay;
        this.scopes = new ArrayList<>(agent.grants);
    }

    Activity every(int every, int offset, Consumer<Decision> change) {
        tweaks.add(new Tweak(every, offset, change));
        return this;
    }

    Activity script(Instant from, Instant to, int count, String scope, Consumer<Decision> change) {
        scripts.add(new Script(from, to, count, scope, change));
        return this;
    }

    /** No regular decisions at all (the agent never acts in the window). */
    Activity silent() {
        perDay = 0;
        return this;
    }
}
