package dev.steward.ui;

import dev.steward.report.AgentRow;
import dev.steward.report.ReportFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The ownership gaps page's filter form: what each filter offers and what the filters asked for mean.
 *
 * <ul>
 * <li>Each list offers the values found among the agents that match the <em>other</em> filters, so that choosing a
 * team leaves the owners and managers of that team; the value chosen is always offered.</li>
 * <li>A list longer than the limit ({@code steward.web.filter-list-limit}, 1000 unless set; the owners of a large
 * organisation, 25,000 of them at 100,000 agents, are over a megabyte of options) is a text field instead, where an owner or manager is given by id or by name.</li>
 * <li>A name (any case) is read as the id of the one person of that name among the agents' owners or managers; when
 * several people have the name, the filter matches none of them and {@link #ambiguous()} lists their ids to choose
 * from.</li>
 * </ul>
 */
final class GapChoices {

    static final List<String> KEYS = List.of("team", "manager", "owner", "environment");

    private final int limit;
    private final ReportFilter filter;
    private final Map<String, TreeSet<String>> values = new HashMap<>();
    private final Map<String, String> names = new TreeMap<>();
    private final Map<String, List<String>> ambiguous = new TreeMap<>();

    private GapChoices(List<AgentRow> rows, int limit, String team, String manager, String owner, String environment) {
        this.limit = limit;
        Set<String> managers = new HashSet<>();
        Set<String> owners = new HashSet<>();
        for (AgentRow r : rows) {
            if (r.manager() != null) {
                managers.add(r.manager());
                names.put(r.manager(), Objects.requireNonNullElse(r.managerName(), r.manager()));
            }
            if (r.owner() != null) {
                owners.add(r.owner());
                names.put(r.owner(), Objects.requireNonNullElse(r.ownerName(), r.owner()));
            }
        }
        filter = new ReportFilter(trim(team), person("manager", trim(manager), managers), person("owner", trim(owner), owners),
                trim(environment));
        Map<String, ReportFilter> others = Map.of(
                "team", new ReportFilter(null, filter.manager(), filter.owner(), filter.environment()),
                "manager", new ReportFilter(filter.team(), null, filter.owner(), filter.environment()),
                "owner", new ReportFilter(filter.team(), filter.manager(), null, filter.environment()),
                "environment", new ReportFilter(filter.team(), filter.manager(), filter.owner(), null));
        Map<String, Function<AgentRow, String>> of = Map.of("team", AgentRow::team, "manager", AgentRow::manager,
                "owner", AgentRow::owner, "environment", AgentRow::environment);
        for (String key : KEYS) {
            TreeSet<String> list = values.computeIfAbsent(key, k -> new TreeSet<>());
            ReportFilter other = others.get(key);
            for (AgentRow r : rows) {
                String v = of.get(key).apply(r);
                if (v != null && !v.isBlank() && other.matches(r)) {
                    list.add(v);
                }
            }
        }
        add("team", filter.team());
        add("manager", filter.manager());
        add("owner", filter.owner());
        add("environment", filter.environment());
    }

    /**
     * The choices among {@code rows} (the agents the viewer may see) for the filters asked; a list of more than
     * {@code limit} values is a text field.
     */
    static GapChoices of(List<AgentRow> rows, int limit, String team, String manager, String owner, String environment) {
        return new GapChoices(rows, limit, team, manager, owner, environment);
    }

    /** The filters asked, with a person's name read as their id. */
    ReportFilter filter() {
        return filter;
    }

    /** Per filter, the values to offer, sorted. */
    Map<String, TreeSet<String>> values() {
        return values;
    }

    /** A person's name by id, for the owner and manager lists. */
    Map<String, String> names() {
        return names;
    }

    /** The filters shown as a text field: those with more values than the limit. */
    Set<String> typed() {
        Set<String> typed = new TreeSet<>();
        values.forEach((k, v) -> {
            if (v.size() > limit) {
                typed.add(k);
            }
        });
        return typed;
    }

    /** Per filter (manager, owner), the ids of the people named as asked, when more than one person has the name. */
    Map<String, List<String>> ambiguous() {
        return ambiguous;
    }

    private String person(String key, String asked, Set<String> ids) {
        if (asked == null || ids.contains(asked)) {
            return asked;
        }
        List<String> named = new ArrayList<>();
        for (String id : new TreeSet<>(ids)) {
            if (names.get(id).toLowerCase(Locale.ROOT).equals(asked.toLowerCase(Locale.ROOT))) {
                named.add(id);
            }
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            ambiguous.put(key, named);
        }
        return asked;
    }

    private void add(String key, String value) {
        if (value != null) {
            values.get(key).add(value);
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
