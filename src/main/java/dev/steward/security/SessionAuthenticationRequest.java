package dev.steward.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The value of the session cookie, to be resolved by {@link SessionIdentityProvider}. */
public final class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final String sessionId;

    public SessionAuthenticationRequest(String sessionId) {
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }
}
