package dev.steward.assessment;

import dev.steward.check.CheckResult;
import dev.steward.check.SubjectType;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.PersonRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who answers for a subject, and how much it weighs (CHECKS.md, "Subject weight"):
 * <ul>
 * <li>agent: its own owner, team, environment and weight (autonomy x prod);</li>
 * <li>credential: owner and team of its heaviest holder ({@link Evidence#heaviestHolder}), whose weight it takes;
 * environment: the credential's own, else that holder's;</li>
 * <li>principal seen in the logs: as the agent when it is inventoried; otherwise (a shadow agent) no owner or team,
 * the environment it made most decisions in (ties: by name), and weight autonomous (3) x prod (2) when any of its
 * decisions ran in prod, else x 1: an unknown actor is assumed to act alone.</li>
 * </ul>
 * The manager is the owner's manager in the people directory. Values are null when unknown. Answers are cached per
 * subject, so attributing every result of a run stays linear; the caches are concurrent maps because the evaluations
 * of a run attribute their results on several threads ({@link EvaluationPipeline}), and an answer depends only on
 * the (immutable) evidence, so which thread computes it first does not matter.
 */
final class Attribution {

    /**
     * The attribution of one subject; with a numbering ({@link #Attribution(Evidence, TextIds)}) also the
     * {@link TextIds} id of each text (-1 for null, and for all of them without a numbering), worked out once per
     * subject so that keeping a result's texts costs no lookup.
     */
    record Subject(String owner, String team, String manager, String environment, int weight, int ownerId, int teamId,
            int managerId, int environmentId) {

        Subject(String owner, String team, String manager, String environment, int weight) {
            this(owner, team, manager, environment, weight, -1, -1, -1, -1);
        }
    }

    private static final Subject UNKNOWN = new Subject(null, null, null, null, 1);

    private final Evidence evidence;
    /** Numbers the texts of each subject when not null; shared by the shards of a run, guarded by itself. */
    private final TextIds numbering;
    private final Map<String, Subject> agents = new ConcurrentHashMap<>();
    private final Map<String, Subject> credentials = new ConcurrentHashMap<>();
    private final Map<String, Subject> principals = new ConcurrentHashMap<>();

    Attribution(Evidence evidence) {
        this(evidence, null);
    }

    /** @param numbering gives each subject's texts their ids ({@link Subject#ownerId()} etc.); null for none */
    Attribution(Evidence evidence, TextIds numbering) {
        this.evidence = evidence;
        this.numbering = numbering;
    }

    /** A subject type's attributions in the order of the first result list attributed for it. */
    private record Aligned(String[] ids, Subject[] subjects) {
    }

    private final Aligned[] aligned = new Aligned[SubjectType.values().length];

    /**
     * The attribution of each result, in order. Every evaluation of a subject type lists the same subjects in the same
     * (id) order, so the answers of the first list of each type are kept as an array, and a later list takes the
     * answer at the same position when the subject there is the same, without a map probe per result (those probes,
     * missing the cache on a large run, were about 6 % of the evaluating thread); any other subject is looked up.
     */
    Subject[] of(List<CheckResult> results) {
        Subject[] out = new Subject[results.size()];
        if (results.isEmpty()) {
            return out;
        }
        SubjectType type = results.get(0).subjectType();
        Aligned a = aligned(type, results);
        for (int i = 0; i < out.length; i++) {
            CheckResult r = results.get(i);
            String id = r.subjectId();
            out[i] = r.subjectType() == type && i < a.ids().length && (id == a.ids()[i] || a.ids()[i].equals(id))
                    ? a.subjects()[i] : of(r.subjectType(), id);
        }
        return out;
    }

    private Aligned aligned(SubjectType type, List<CheckResult> results) {
        synchronized (aligned) {
            Aligned a = aligned[type.ordinal()];
            if (a == null) {
                boolean one = results.stream().allMatch(r -> r.subjectType() == type && r.subjectId() != null);
                String[] ids = new String[one ? results.size() : 0];
                Subject[] subjects = new Subject[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = results.get(i).subjectId();
                    subjects[i] = of(type, ids[i]);
                }
                a = new Aligned(ids, subjects);
                aligned[type.ordinal()] = a;
            }
            return a;
        }
    }

    Subject of(SubjectType type, String id) {
        return switch (type) {
            case AGENT -> agents.computeIfAbsent(id, k -> numbered(agent(k)));
            case CREDENTIAL -> credentials.computeIfAbsent(id, k -> numbered(credential(k)));
            case PRINCIPAL -> principals.computeIfAbsent(id, k -> numbered(principal(k)));
        };
    }

    private Subject numbered(Subject s) {
        if (numbering == null) {
            return s;
        }
        synchronized (numbering) {
            return new Subject(s.owner(), s.team(), s.manager(), s.environment(), s.weight(), numbering.id(s.owner()),
                    numbering.id(s.team()), numbering.id(s.manager()), numbering.id(s.environment()));
        }
    }

    private Subject agent(String id) {
        return evidence.agent(id).map(a -> of(a, a.environment())).orElse(UNKNOWN);
    }

    private Subject of(AgentRecord a, String environment) {
        String manager = evidence.person(a.owner()).map(PersonRecord::manager).orElse(null);
        return new Subject(blankToNull(a.owner()), blankToNull(a.team()), blankToNull(manager), blankToNull(environment),
                a.weight());
    }

    private Subject credential(String id) {
        CredentialRecord c = evidence.credential(id).orElse(null);
        if (c == null) {
            return UNKNOWN;
        }
        AgentRecord a = evidence.heaviestHolderOf(c);
        return a != null ? of(a, blankToNull(c.environment()) != null ? c.environment() : a.environment())
                : new Subject(null, null, null, blankToNull(c.environment()), 1);
    }

    private Subject principal(String id) {
        if (evidence.agent(id).isPresent()) {
            return agent(id);
        }
        Map<String, Long> perEnvironment = new TreeMap<>();
        boolean prod = false;
        for (DecisionAggregate d : evidence.decisionsOfPrincipal(id)) {
            String env = blankToNull(d.environment());
            if (env != null) {
                perEnvironment.merge(env, d.count(), Long::sum);
                String e = env.toLowerCase(Locale.ROOT);
                prod |= "prod".equals(e) || "production".equals(e);
            }
        }
        String environment = null;
        long most = -1;
        for (Map.Entry<String, Long> e : perEnvironment.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                environment = e.getKey();
            }
        }
        return new Subject(null, null, null, environment, Autonomy.AUTONOMOUS.weight() * (prod ? 2 : 1));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
