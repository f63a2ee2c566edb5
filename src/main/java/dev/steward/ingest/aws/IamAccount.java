package dev.steward.ingest.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.ingest.Problems;
import dev.steward.ingest.RecordMapper;
import dev.steward.ingest.SourceContext;
import dev.steward.ingest.source.Json;
import dev.steward.ingest.source.SourceTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the AWS IAM exports of one upload say about one account, merged: users and roles become agents (grants from
 * inline, attached and group policies), passwords, access keys and certificates become credentials, list-access-keys
 * gives the keys their ids (matched to the credential report by user and creation time), Access Advisor data marks
 * last use and never-used services. Records are delivered at the end, each with the first file and line that showed
 * it. An IAM account is small (thousands of principals), so holding it is bounded.
 */
final class IamAccount {

    /** An agent being assembled: native fields, kept attributes, where it was first seen, and its policy links. */
    static final class Principal {
        final ObjectNode node = Json.object();
        final ObjectNode attributes = Json.object();
        final String file;
        final long line;
        final Set<String> grants = new LinkedHashSet<>();
        final Set<String> attached = new LinkedHashSet<>();
        final Set<String> groups = new LinkedHashSet<>();

        Principal(String id, String file, long line) {
            node.put("id", id);
            this.file = file;
            this.line = line;
        }
    }

    /** A credential being assembled; {@code user} is its holder's name, {@code created} its creation time. */
    record Credential(ObjectNode node, ObjectNode attributes, String file, long line, String user, Instant created) {
    }

    private record Listed(String user, String keyId, String status, Instant created, String file, long line) {
    }

    private record LastUsed(String user, Instant at, String file, long line) {
    }

    private record Accessed(String service, Instant at, String entity) {
    }

    private final AwsConfig config;
    private final Problems problems;
    final Map<String, Principal> agents = new LinkedHashMap<>();
    final Map<String, String> userArns = new LinkedHashMap<>();
    private final Map<String, Principal> groups = new LinkedHashMap<>();
    private final Map<String, Set<String>> managed = new LinkedHashMap<>();
    final Map<String, Credential> credentials = new LinkedHashMap<>();
    private final List<Listed> listed = new ArrayList<>();
    private final List<LastUsed> lastUsed = new ArrayList<>();
    private final Map<String, List<Accessed>> advisor = new LinkedHashMap<>();
    private final Map<String, Integer> accounts = new LinkedHashMap<>();
    Instant asOf;

    IamAccount(AwsConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    Principal agent(String arn, String file, long line) {
        String account = AwsIds.account(arn);
        if (account != null && !"aws".equals(account)) {
            accounts.merge(account, 1, Integer::sum);
        }
        return agents.computeIfAbsent(arn, a -> new Principal(a, file, line));
    }

    void asOf(Instant at) {
        if (at != null && (asOf == null || at.isAfter(asOf))) {
            asOf = at;
        }
    }

    /** A user, group or role of get-account-authorization-details (container = the list it came from). */
    void detail(String container, JsonNode r, String file, long line) {
        switch (container) {
            case "UserDetailList" -> {
                String arn = Json.text(r, "Arn");
                if (arn == null) {
                    problems.error(file, line, "UserDetailList.Arn", null, "required field missing");
                    return;
                }
                Principal p = principal(arn, r, file, line, "iam-user");
                userArns.putIfAbsent(Json.first(Json.text(r, "UserName"), arn), arn);
                Json.put(p.node, "name", Json.text(r, "UserName"));
                r.path("UserPolicyList").forEach(pol -> p.grants.addAll(PolicyGrants.of(pol.path("PolicyDocument"))));
                p.groups.addAll(Json.texts(r.path("GroupList")));
            }
            case "GroupDetailList" -> {
                String name = Json.text(r, "GroupName");
                Principal g = groups.computeIfAbsent(name == null ? "?" : name, n -> new Principal(n, file, line));
                r.path("GroupPolicyList").forEach(pol -> g.grants.addAll(PolicyGrants.of(pol.path("PolicyDocument"))));
                r.path("AttachedManagedPolicies").forEach(a -> link(g.attached, a));
            }
            case "RoleDetailList" -> role(r, file, line);
            case "Policies" -> {
                String arn = Json.text(r, "Arn");
                for (JsonNode v : r.path("PolicyVersionList")) {
                    if (v.path("IsDefaultVersion").asBoolean(false)
                            || String.valueOf(Json.text(r, "DefaultVersionId")).equals(Json.text(v, "VersionId"))) {
                        managed.put(arn, PolicyGrants.of(v.path("Document")));
                    }
                }
            }
            default -> problems.warningOnce(file + "|" + container, file, line, container, null,
                    "list not read by the aws-iam adapter (reported once per file)");
        }
    }

    private Principal principal(String arn, JsonNode r, String file, long line, String awsType) {
        Principal p = agent(arn, file, line);
        p.node.put("status", "active");
        SourceTimes.parse(r.path("CreateDate")).ifPresent(t -> Json.put(p.node, "createdAt", t));
        p.attributes.put("awsType", awsType);
        Json.put(p.attributes, "path", Json.text(r, "Path"));
        Json.put(p.attributes, "permissionsBoundary", Json.text(r, "PermissionsBoundary", "PermissionsBoundaryArn"));
        r.path("AttachedManagedPolicies").forEach(a -> link(p.attached, a));
        tags(p, r.path("Tags"));
        return p;
    }

    private void role(JsonNode r, String file, long line) {
        String arn = Json.text(r, "Arn");
        if (arn == null) {
            problems.error(file, line, "RoleDetailList.Arn", null, "required field missing");
            return;
        }
        Principal p = principal(arn, r, file, line, "role");
        Json.put(p.node, "name", Json.text(r, "RoleName"));
        p.node.putObject("identity").put("type", "cloud-role").put("id", arn);
        r.path("RolePolicyList").forEach(pol -> p.grants.addAll(PolicyGrants.of(pol.path("PolicyDocument"))));
        JsonNode trust = r.path("AssumeRolePolicyDocument");
        Json.put(p.attributes, "trustedPrincipals", PolicyGrants.trusted(trust));
        if (PolicyGrants.anyone(trust)) {
            p.attributes.put("assumableByAnyone", true);
            problems.warning(file, line, "RoleDetailList.AssumeRolePolicyDocument", arn,
                    "the trust policy lets any AWS principal assume this role without a condition");
        }
        Instant lastUsedAt = SourceTimes.parse(r.path("RoleLastUsed").path("LastUsedDate")).orElse(null);
        Json.put(p.attributes, "roleLastUsed", lastUsedAt);
        List<String> profiles = new ArrayList<>();
        r.path("InstanceProfileList").forEach(ip -> profiles.addAll(Json.texts(ip.path("InstanceProfileName"))));
        if (!profiles.isEmpty()) {
            Json.put(p.attributes, "instanceProfiles", profiles);
        }
        ObjectNode sessions = Json.object().put("id", arn + "#sessions").put("type", "jit-lease").put("issuer", "aws-sts")
                .put("status", "active").put("ttlSeconds", r.path("MaxSessionDuration").asLong(3600));
        Json.put(sessions, "holders", List.of(arn));
        Json.put(sessions, "createdAt", Json.text(p.node, "createdAt"));
        Json.put(sessions, "lastUsedAt", lastUsedAt);
        credentials.put(arn + "#sessions", new Credential(sessions, Json.object().put("awsType", "role-sessions"), file,
                line, null, null));
    }

    private void tags(Principal p, JsonNode tags) {
        Map<String, String> byKey = new LinkedHashMap<>();
        tags.forEach(t -> {
            if (Json.text(t, "Key") != null && Json.text(t, "Value") != null) {
                byKey.put(Json.text(t, "Key"), Json.text(t, "Value"));
            }
        });
        if (!byKey.isEmpty()) {
            ObjectNode kept = p.attributes.putObject("tags");
            byKey.forEach(kept::put);
        }
        Json.put(p.node, "owner", firstTag(byKey, config.ownerTags()));
        Json.put(p.node, "environment", firstTag(byKey, config.environmentTags()));
        Json.put(p.node, "team", firstTag(byKey, config.teamTags()));
    }

    private static String firstTag(Map<String, String> tags, List<String> keys) {
        return keys.stream().map(tags::get).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    private static void link(Set<String> attached, JsonNode attachment) {
        String arn = Json.first(Json.text(attachment, "PolicyArn"), Json.text(attachment, "PolicyName"));
        if (arn != null) {
            attached.add(arn);
        }
    }

    void credential(String id, ObjectNode node, ObjectNode attributes, String file, long line, String user, Instant created) {
        credentials.putIfAbsent(id, new Credential(node, attributes, file, line, user, created));
    }

    /** One AccessKeyMetadata entry of list-access-keys. */
    void listedKey(JsonNode k, String file, long line) {
        String keyId = Json.text(k, "AccessKeyId");
        if (keyId == null) {
            problems.error(file, line, "AccessKeyMetadata.AccessKeyId", null, "required field missing");
            return;
        }
        listed.add(new Listed(Json.text(k, "UserName"), keyId, Json.text(k, "Status"),
                SourceTimes.parse(k.path("CreateDate")).orElse(null), file, line));
    }

    /** get-access-key-last-used output: it names the user but not the key. */
    void keyLastUsed(JsonNode r, String file, long line) {
        Instant at = SourceTimes.parse(r.path("AccessKeyLastUsed").path("LastUsedDate")).orElse(null);
        if (at != null) {
            lastUsed.add(new LastUsed(Json.text(r, "UserName"), at, file, line));
        }
    }

    /** One ServicesLastAccessed entry of get-service-last-accessed-details. */
    void accessed(JsonNode s, String file) {
        advisor.computeIfAbsent(file, f -> new ArrayList<>()).add(new Accessed(Json.text(s, "ServiceNamespace"),
                SourceTimes.parse(s.path("LastAuthenticated")).orElse(null), Json.text(s, "LastAuthenticatedEntity")));
    }

    /** The account most records belong to, or null. */
    String account() {
        return accounts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Joins the exports and delivers agents, then credentials. */
    void finish(SourceContext context, String firstFile) {
        if (accounts.size() > 1) {
            problems.warning(firstFile, 0, "arn", String.join(", ", accounts.keySet()),
                    "the upload holds several accounts; upload one account at a time so each export replaces its own");
        }
        String account = account();
        for (Listed k : listed) {
            keyFromListing(k, account);
        }
        for (LastUsed u : lastUsed) {
            String holder = holder(u.user(), account);
            List<Credential> keys = credentials.values().stream()
                    .filter(c -> "api-key".equals(Json.text(c.node(), "type")) && holders(c).contains(holder)).toList();
            if (keys.size() == 1) {
                ObjectNode n = keys.get(0).node();
                Instant known = SourceTimes.parse(Json.text(n, "lastUsedAt")).orElse(null);
                if (known == null || u.at().isAfter(known)) {
                    Json.put(n, "lastUsedAt", u.at());
                }
            } else {
                problems.warning(u.file(), u.line(), "UserName", u.user(), "get-access-key-last-used does not name the"
                        + " key and " + u.user() + " has " + keys.size() + " keys in this upload: last use not attributed");
            }
        }
        advisor.forEach((file, entries) -> advise(file, entries));
        for (Principal p : agents.values()) {
            Set<String> grants = new LinkedHashSet<>(p.grants);
            p.attached.forEach(a -> grants.addAll(policy(a)));
            for (String g : p.groups) {
                Principal group = groups.get(g);
                if (group != null) {
                    grants.addAll(group.grants);
                    group.attached.forEach(a -> grants.addAll(policy(a)));
                } else {
                    grants.add("group:" + g);
                }
            }
            Json.put(p.node, "grants", grants);
            if (!p.attached.isEmpty()) {
                Json.put(p.attributes, "attachedPolicies", p.attached);
            }
        }
        if (!agents.isEmpty()) {
            context.section(RecordMapper.Section.AGENTS);
        }
        agents.values().forEach(p -> context.record(RecordMapper.Section.AGENTS, p.node, p.attributes, p.file, p.line));
        if (!credentials.isEmpty()) {
            context.section(RecordMapper.Section.CREDENTIALS);
        }
        credentials.values().forEach(c -> context.record(RecordMapper.Section.CREDENTIALS, c.node(),
                c.attributes().isEmpty() ? null : c.attributes(), c.file(), c.line()));
    }

    /** The grants of an attached policy: its document when exported, a well-known meaning, or its name. */
    private Set<String> policy(String arn) {
        Set<String> known = managed.get(arn);
        if (known != null) {
            return known;
        }
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        return Set.of(PolicyGrants.WELL_KNOWN.getOrDefault(name, "policy:" + name));
    }

    private String holder(String user, String account) {
        if (user == null) {
            return null;
        }
        return userArns.getOrDefault(user, account == null ? user : "arn:aws:iam::" + account + ":user/" + user);
    }

    private static List<String> holders(Credential c) {
        return Json.texts(c.node().path("holders"));
    }

    /** Gives a credential-report key its id when creation times match; else records the listed key on its own. */
    private void keyFromListing(Listed k, String account) {
        String holder = holder(k.user(), account);
        String id = AwsIds.key(k.keyId());
        Credential match = credentials.values().stream()
                .filter(c -> "api-key".equals(Json.text(c.node(), "type")) && holders(c).contains(holder)
                        && c.created() != null && c.created().equals(k.created()))
                .findFirst().orElse(null);
        ObjectNode node = match != null ? match.node() : Json.object();
        node.put("id", id).put("type", "api-key").put("issuer", "aws-iam");
        node.put("status", "Active".equalsIgnoreCase(k.status()) ? "active" : "revoked");
        Json.put(node, "holders", holder == null ? List.of() : List.of(holder));
        if (k.created() != null) {
            Json.put(node, "createdAt", k.created());
            Json.put(node, "lastRotatedAt", k.created());
        }
        ObjectNode attributes = match != null ? match.attributes() : Json.object();
        Json.put(attributes, "awsStatus", k.status());
        if (holder != null && !holder.startsWith("arn:")) {
            problems.warningOnce("aws-holder-name", k.file(), k.line(), "UserName", k.user(), "no account id in the"
                    + " upload: key holders are user names, not ARNs; upload list-access-keys with the credential report"
                    + " or the authorization details of the same account");
        }
        if (match != null) {
            credentials.values().remove(match);
        }
        credentials.put(id, new Credential(node, attributes, match != null ? match.file() : k.file(),
                match != null ? match.line() : k.line(), k.user(), k.created()));
    }

    private void advise(String file, List<Accessed> entries) {
        Set<String> entities = new LinkedHashSet<>();
        entries.forEach(e -> {
            if (e.entity() != null) {
                entities.add(e.entity());
            }
        });
        Principal p = entities.size() == 1 ? agents.get(entities.iterator().next()) : null;
        if (p == null) {
            problems.warning(file, 0, "LastAuthenticatedEntity", String.join(", ", entities), "Access Advisor data is"
                    + " joined to the role or user of the same upload (get-account-authorization-details) it names;"
                    + " none found, so it is not stored");
            return;
        }
        ObjectNode accessed = p.attributes.putObject("servicesLastAccessed");
        List<String> unused = new ArrayList<>();
        entries.forEach(e -> {
            if (e.at() == null) {
                unused.add(e.service());
            } else {
                accessed.put(e.service(), e.at().toString());
            }
        });
        Json.put(p.attributes, "servicesNeverAccessed", unused);
        entries.stream().map(Accessed::at).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder())
                .ifPresent(last -> {
                    Credential sessions = credentials.get(Json.text(p.node, "id") + "#sessions");
                    if (sessions != null) {
                        Instant known = SourceTimes.parse(Json.text(sessions.node(), "lastUsedAt")).orElse(null);
                        if (known == null || last.isAfter(known)) {
                            Json.put(sessions.node(), "lastUsedAt", last);
                        }
                    }
                });
    }
}
