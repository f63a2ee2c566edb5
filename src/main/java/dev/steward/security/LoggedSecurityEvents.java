package dev.steward.security;

import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Records every {@link SecurityEvents} event in the audit trail (sign-ins, failed sign-ins, sign-outs, user and role
 * changes; token events are recorded by {@link TokenService} itself, which every token change goes through) and writes
 * it as one INFO line of category {@code steward.security}.
 */
@ApplicationScoped
public class LoggedSecurityEvents implements SecurityEvents {

    private static final Logger LOG = Logger.getLogger("steward.security");

    private final AuditLog audit;

    public LoggedSecurityEvents(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void signedIn(String username, boolean ok, String remoteAddress) {
        LOG.infof("sign-in %s: user=%s from=%s", ok ? "succeeded" : "failed", clean(username), clean(remoteAddress));
        audit.record(clean(username), ok ? AuditAction.SIGN_IN : AuditAction.SIGN_IN_FAILED, clean(username),
                ok ? AuditOutcome.OK : AuditOutcome.DENIED, Map.of("from", clean(remoteAddress)));
    }

    @Override
    public void signedOut(String username, String remoteAddress) {
        LOG.infof("sign-out: user=%s from=%s", clean(username), clean(remoteAddress));
        audit.record(clean(username), AuditAction.SIGN_OUT, clean(username), AuditOutcome.OK,
                Map.of("from", clean(remoteAddress)));
    }

    @Override
    public void userChanged(String actor, String username, String what) {
        LOG.infof("user changed: user=%s by=%s what=%s", clean(username), clean(actor), clean(what));
        boolean role = what != null && what.contains("role=");
        audit.record(clean(actor), role ? AuditAction.ROLE_CHANGED : AuditAction.USER_CHANGED, "user " + clean(username),
                AuditOutcome.OK, Map.of("what", clean(what)));
    }

    @Override
    public void tokenCreated(String actor, String tokenName, String role) {
        LOG.infof("token created: name=%s role=%s by=%s", clean(tokenName), clean(role), clean(actor));
    }

    @Override
    public void tokenRevoked(String actor, String tokenName) {
        LOG.infof("token revoked: name=%s by=%s", clean(tokenName), clean(actor));
    }

    /** Keeps a user-supplied value on one log line and short (log injection). */
    static String clean(String s) {
        if (s == null) {
            return "-";
        }
        String one = s.replaceAll("[\\r\\n\\t\\p{Cntrl}]", "_");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
