package dev.steward.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * Single sign-on with an OpenID Connect provider ({@code steward.oidc.*}); off unless {@code issuer} and
 * {@code client-id} are set. People then sign in at the provider (authorization code flow with PKCE) and get a
 * Steward session; their role and teams come from ID token claims, mapped by {@link #roles()}.
 */
@ConfigMapping(prefix = "steward.oidc")
public interface OidcConfig {

    /** The issuer URL; discovery reads {@code <issuer>/.well-known/openid-configuration}. */
    Optional<String> issuer();

    Optional<String> clientId();

    /** The client secret of a confidential client (sent with HTTP Basic); none for a public client (PKCE only). */
    Optional<String> clientSecret();

    /** The callback registered at the provider. Default: {@code <scheme>://<host>/login/oidc/callback} of the request. */
    Optional<String> redirectUri();

    @WithDefault("openid profile email")
    String scopes();

    /** The claim that becomes the Steward user name (letters, digits, . _ @ -). */
    @WithDefault("preferred_username")
    String usernameClaim();

    /** The claim (a string or an array of strings) whose values {@link #roles()} maps to Steward roles. */
    @WithDefault("groups")
    String roleClaim();

    /**
     * Claim value to Steward role (viewer, manager, auditor, admin), e.g. {@code steward.oidc.roles."grc-admins"=admin}.
     * A claim value that is itself a role name grants that role too. The highest granted role wins; a person with none
     * is refused.
     */
    Map<String, String> roles();

    /** The claim (a string or an array) naming a manager's teams. */
    @WithDefault("steward_teams")
    String teamsClaim();

    /** The label of the sign-in button. */
    @WithDefault("Single sign-on")
    String displayName();

    /** Clock skew allowed when checking exp, iat and nbf. */
    @WithDefault("PT2M")
    java.time.Duration clockSkew();

    default boolean enabled() {
        return issuer().filter(s -> !s.isBlank()).isPresent() && clientId().filter(s -> !s.isBlank()).isPresent();
    }
}
