package dev.steward.security;

/**
 * The security events of sign-in, sessions, users and tokens, in one place so they can be recorded (today: logged;
 * the audit log consumes the same calls). Implementations never receive a secret: no password, session id or token.
 */
public interface SecurityEvents {

    /** A sign-in attempt; {@code ok} false for a wrong password, unknown or disabled user, or a locked account. */
    void signedIn(String username, boolean ok, String remoteAddress);

    void signedOut(String username, String remoteAddress);

    /** A user was added or changed; {@code what} says how ("added role=viewer", "disabled", "password changed"). */
    void userChanged(String actor, String username, String what);

    void tokenCreated(String actor, String tokenName, String role);

    void tokenRevoked(String actor, String tokenName);
}
