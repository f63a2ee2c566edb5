package dev.steward.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one assessment reads, as plain values: the inventory and people directory in force at the as-of
 * instant, the decision aggregates of the observation window [windowStart, asOf), and the secrets found on ingestion.
 * Immutable; the indexes are built once in the constructor. Maps iterate in id order so results are deterministic.
 */
public final class Evidence {

    private final Instant asOf;
    private final Instant windowStart;
    private final Map<String, PersonRecord> people;
    private final Map<String, AgentRecord> agents;
    private final Map<String, CredentialRecord> credentials;
    private final List<DecisionAggregate> decisions;
    private final List<SecretFinding> secrets;
    private final Map<String, List<DecisionAggregate>> byPrincipal;
    private final Map<String, List<DecisionAggregate>> byCredential;
    private final Map<String, List<CredentialRecord>> credentialsByHolder;
    private final Map<String, List<SecretFinding>> secretsByCredential;
    /** The subjects checks judge: every agent, credential and principal, or one shard's (see {@link #shard}). */
    private final Collection<AgentRecord> subjectAgents;
    private final Collection<CredentialRecord> subjectCredentials;
    private final java.util.function.Predicate<String> principalSubjects;
    /** {@link #principals()}, made on first use. */
    private volatile List<String> principals;

    public Evidence(Instant asOf, Instant windowStart, Collection<PersonRecord> people, Collection<AgentRecord> agents,
            Collection<CredentialRecord> credentials, Collection<DecisionAggregate> decisions,
            Collection<SecretFinding> secrets) {
        this.asOf = asOf;
        this.windowStart = windowStart;
        this.people = index(people, PersonRecord::id);
        this.agents = index(agents, AgentRecord::id);
        this.credentials = index(credentials, CredentialRecord::id);
        this.decisions = List.copyOf(decisions);
        this.secrets = List.copyOf(secrets);
        this.secretsByCredential = new HashMap<>();
        this.credentialsByHolder = new HashMap<>();
        this.subjectAgents = this.agents.values();
        this.subjectCredentials = List.copyOf(inRunOrder(this.credentials.values(), this.agents));
        this.principalSubjects = p -> true;
        this.byPrincipal = new HashMap<>();
        this.byCredential = new HashMap<>();
        for (CredentialRecord c : this.credentials.values()) {
            for (String h : c.holders()) {
                credentialsByHolder.computeIfAbsent(h, k -> new ArrayList<>()).add(c);
            }
        }
        // made in credential id order, so each list is in id order already: kept as it is, read by many checks
        credentialsByHolder.replaceAll((holder, held) -> List.copyOf(held));
        for (SecretFinding f : this.secrets) {
            if (f.credentialId() != null) {
                secretsByCredential.computeIfAbsent(f.credentialId(), k -> new ArrayList<>()).add(f);
            }
        }
        indexDecisions();
    }

    /** A shard of {@code whole}: its inventory (shared, not copied), the given aggregates and subjects. */
    private Evidence(Evidence whole, List<DecisionAggregate> decisions, Collection<AgentRecord> agents,
            Collection<CredentialRecord> credentials, java.util.function.Predicate<String> principals,
            Map<String, List<DecisionAggregate>> byPrincipal, Map<String, List<DecisionAggregate>> byCredential) {
        this.asOf = whole.asOf;
        this.windowStart = whole.windowStart;
        this.people = whole.people;
        this.agents = whole.agents;
        this.credentials = whole.credentials;
        this.secrets = whole.secrets;
        this.credentialsByHolder = whole.credentialsByHolder;
        this.secretsByCredential = whole.secretsByCredential;
        this.decisions = decisions;
        this.subjectAgents = agents;
        this.subjectCredentials = credentials;
        this.principalSubjects = principals;
        this.byPrincipal = byPrincipal;
        this.byCredential = byCredential;
    }

    private void indexDecisions() {
        for (DecisionAggregate d : this.decisions) {
            String p = principalIdOf(d);
            if (p != null) {
                byPrincipal.computeIfAbsent(p, NEW_LIST).add(d);
            }
            if (d.credential() != null) {
                byCredential.computeIfAbsent(d.credential(), NEW_LIST).add(d);
            }
        }
    }

    private static final java.util.function.Function<String, DecisionList> NEW_LIST = k -> new DecisionList();

    /**
     * One shard of a large window, for an assessment that cannot hold every aggregate at once: the same inventory,
     * people and secrets as this evidence, and only the given aggregates, which must include every aggregate of the
     * window whose principal passes {@code principals}, that names one of {@code credentials}, or that names a
     * credential held by one of {@code agents}. Checks judge only the given agents and principals (in id order) and
     * credentials (in the given order, {@link CredentialRecord#RUN_ORDER} in an assessment), so each subject is judged
     * on all of its evidence in exactly one shard. Each aggregate's principal and
     * credential come as int keys of {@code grouping}: {@code principalKeys[i]} must stand for
     * {@link #principalOf}{@code (decisions.get(i))} and {@code credentialKeys[i]} for its credential ({@code -1} for
     * none).
     */
    public Evidence shard(List<DecisionAggregate> decisions, int[] principalKeys, int[] credentialKeys,
            ShardGrouping grouping, Collection<AgentRecord> agents, Collection<CredentialRecord> credentials,
            java.util.function.Predicate<String> principals) {
        List<DecisionAggregate> held = List.copyOf(decisions);
        return new Evidence(this, held, agents, credentials, principals, grouping.group(held, principalKeys),
                grouping.group(held, credentialKeys));
    }

    /**
     * The credentials, given in id order, in {@link CredentialRecord#RUN_ORDER} without comparing them: those without a
     * holder as they come, then one group per first holder, each in id order, the groups in the order of the agents'
     * ids (a first holder that is no agent merged in by its own id). Sorting the 300,000 credentials of the benchmark
     * by first holder compared holder ids scattered over the heap, on the calling thread of every assessment: 0.8-1.1 s
     * in a warm service and 1.3 s in its first run; grouping them takes 0.2-0.3 s (0.3 s in the first run).
     */
    static List<CredentialRecord> inRunOrder(Collection<CredentialRecord> inIdOrder, Map<String, ?> agentsInIdOrder) {
        List<CredentialRecord> out = new ArrayList<>(inIdOrder.size());
        Map<String, List<CredentialRecord>> byFirstHolder = new HashMap<>();
        for (CredentialRecord c : inIdOrder) {
            String first = c.firstHolder();
            if (first == null) {
                out.add(c);
            } else {
                byFirstHolder.computeIfAbsent(first, k -> new ArrayList<>(2)).add(c);
            }
        }
        List<String> others = new ArrayList<>();
        for (String holder : byFirstHolder.keySet()) {
            if (!agentsInIdOrder.containsKey(holder)) {
                others.add(holder);
            }
        }
        others.sort(null);
        int next = 0;
        for (String agent : agentsInIdOrder.keySet()) {
            while (next < others.size() && others.get(next).compareTo(agent) < 0) {
                out.addAll(byFirstHolder.get(others.get(next++)));
            }
            List<CredentialRecord> held = byFirstHolder.get(agent);
            if (held != null) {
                out.addAll(held);
            }
        }
        while (next < others.size()) {
            out.addAll(byFirstHolder.get(others.get(next++)));
        }
        return out;
    }

    private static <T> Map<String, T> index(Collection<T> values, java.util.function.Function<T, String> id) {
        List<T> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparing(id));
        Map<String, T> map = new LinkedHashMap<>();
        for (T v : sorted) {
            map.put(id.apply(v), v);
        }
        return map;
    }

    public Instant asOf() {
        return asOf;
    }

    public Instant windowStart() {
        return windowStart;
    }

    /** People by id, in id order. */
    public Map<String, PersonRecord> people() {
        return people;
    }

    /** Agents by id, in id order. */
    public Map<String, AgentRecord> agents() {
        return agents;
    }

    /** Credentials by id, in id order. */
    public Map<String, CredentialRecord> credentials() {
        return credentials;
    }

    /** Every decision aggregate of the window (in a {@link #shard}, those the shard holds). */
    public List<DecisionAggregate> decisions() {
        return decisions;
    }

    public List<SecretFinding> secrets() {
        return secrets;
    }

    public Optional<PersonRecord> person(String id) {
        return Optional.ofNullable(id == null ? null : people.get(id));
    }

    public Optional<AgentRecord> agent(String id) {
        return Optional.ofNullable(id == null ? null : agents.get(id));
    }

    public Optional<CredentialRecord> credential(String id) {
        return Optional.ofNullable(id == null ? null : credentials.get(id));
    }

    /**
     * CHECKS.md: the principal of a decision is its agent, else the sole holder of its credential. Empty when neither
     * tells (no agent and an unknown or shared credential).
     */
    public Optional<String> principalOf(DecisionAggregate d) {
        return Optional.ofNullable(principalIdOf(d));
    }

    private String principalIdOf(DecisionAggregate d) {
        if (d.agent() != null && !d.agent().isBlank()) {
            return d.agent();
        }
        CredentialRecord c = d.credential() == null ? null : credentials.get(d.credential());
        return c != null && c.holders().size() == 1 ? c.holders().get(0) : null;
    }

    /** Aggregates whose principal is the given agent or principal id. */
    public List<DecisionAggregate> decisionsOfPrincipal(String principal) {
        return byPrincipal.getOrDefault(principal, List.of());
    }

    /** Aggregates that name the credential. */
    public List<DecisionAggregate> decisionsOfCredential(String credentialId) {
        return byCredential.getOrDefault(credentialId, List.of());
    }

    /** Every principal seen acting in the window, in id order (in a {@link #shard}, the shard's principals). */
    public List<String> principals() {
        List<String> p = principals;
        if (p == null) {
            // a pure function of this evidence: a second thread computing it at the same time computes the same list
            p = byPrincipal.keySet().stream().filter(principalSubjects).sorted().toList();
            principals = p;
        }
        return p;
    }

    /** The agents checks judge, in id order: every agent, or in a {@link #shard} the shard's. */
    public Collection<AgentRecord> subjectAgents() {
        return subjectAgents;
    }

    /**
     * The credentials checks judge, in {@link CredentialRecord#RUN_ORDER} (without a holder first, then by first holder,
     * then id): every credential, or in a {@link #shard} the shard's.
     */
    public Collection<CredentialRecord> subjectCredentials() {
        return subjectCredentials;
    }

    /**
     * {@link CredentialRecord#RUN_ORDER} of credential ids; an id the inventory does not hold counts as a credential
     * without a holder.
     */
    public int compareCredentialsInRunOrder(String id, String otherId) {
        return CredentialRecord.compareInRunOrder(id, firstHolderOf(id), otherId, firstHolderOf(otherId));
    }

    private String firstHolderOf(String credentialId) {
        CredentialRecord c = credentials.get(credentialId);
        return c == null ? null : c.firstHolder();
    }

    /** Ids of the credentials whose holders include the agent, in id order. */
    public List<String> credentialsHeldBy(String agentId) {
        return CredentialRecord.ids(heldCredentials(agentId));
    }

    /**
     * The credentials whose holders include the agent, in id order: {@link #credentialsHeldBy} as records, without a
     * lookup of each id among the inventory's 300,000 credentials at the benchmark's scale (a few cache misses each,
     * for every agent of three checks).
     */
    public List<CredentialRecord> heldCredentials(String agentId) {
        return credentialsByHolder.getOrDefault(agentId, List.of());
    }

    /** Secrets found in the values of a credential's record or decisions that name it, in the order found (indexed). */
    public List<SecretFinding> secretsOf(String credentialId) {
        return List.copyOf(secretsByCredential.getOrDefault(credentialId, List.of()));
    }

    /** Subject weight of an agent (1 when unknown). */
    public int weightOfAgent(String agentId) {
        return agent(agentId).map(AgentRecord::weight).orElse(1);
    }

    /** A credential takes the weight of its heaviest holder (1 when it has no known holder). */
    public int weightOfCredential(String credentialId) {
        return heaviestHolder(credentialId).map(AgentRecord::weight).orElse(1);
    }

    /** The holder whose weight counts for a credential; ties go to the smallest id. */
    public Optional<AgentRecord> heaviestHolder(String credentialId) {
        CredentialRecord c = credentialId == null ? null : credentials.get(credentialId);
        return Optional.ofNullable(c == null ? null : heaviestHolderOf(c));
    }

    /**
     * {@link #heaviestHolder} of a credential record: the inventoried holder of the greatest weight, ties to the
     * smallest id; null when no holder is an agent of the inventory. A plain loop: attribution asks it for each of the
     * 300,000 credentials of the benchmark, nearly all with one holder.
     */
    public AgentRecord heaviestHolderOf(CredentialRecord c) {
        AgentRecord best = null;
        for (String holder : c.holders()) {
            AgentRecord a = agents.get(holder);
            if (a != null && (best == null || a.weight() > best.weight()
                    || a.weight() == best.weight() && a.id().compareTo(best.id()) < 0)) {
                best = a;
            }
        }
        return best;
    }
}
