package dev.steward.ui;

import dev.steward.security.AccessScope;
import dev.steward.security.Role;
import dev.steward.security.SessionIdentityProvider;
import dev.steward.security.SessionService;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.Set;

/**
 * Who is looking at a page: name, role, the teams a manager is limited to, the person id in the directory (so a
 * manager's own teams come first), and the session's CSRF token that every form of the page carries.
 *
 * @param csrf null when signed in by API token (forms then need no token)
 */
public record Viewer(String username, String displayName, Role role, AccessScope scope, String personId, String csrf) {

    public static Viewer of(SecurityIdentity identity) {
        SessionService.Live live = SessionIdentityProvider.session(identity);
        Role role = identity.hasRole(Role.ADMIN_NAME) ? Role.ADMIN : identity.hasRole(Role.AUDITOR_NAME) ? Role.AUDITOR
                : identity.hasRole(Role.MANAGER_NAME) ? Role.MANAGER : Role.VIEWER;
        String name = identity.getPrincipal().getName();
        return new Viewer(name, live == null ? name : live.user().shownName(), role, AccessScope.of(identity),
                live == null ? null : live.user().personId, live == null ? null : live.csrfToken());
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    public boolean auditor() {
        return role == Role.ADMIN || role == Role.AUDITOR;
    }

    public boolean restricted() {
        return !scope.unrestricted();
    }

    public String roleName() {
        return role.wire();
    }

    /** The teams a manager sees, or null when unrestricted. */
    public Set<String> teams() {
        return scope.unrestricted() ? null : scope.teams();
    }

    public List<String> teamList() {
        return scope.unrestricted() ? List.of() : List.copyOf(scope.teams());
    }
}
