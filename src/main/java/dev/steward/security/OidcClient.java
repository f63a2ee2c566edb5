package dev.steward.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OpenID Connect relying party: discovery, the authorization request (state, nonce, PKCE S256), the code exchange
 * and the ID token check (RS256 signature against the provider's JWKS, issuer, audience, expiry, nonce). Everything a
 * check refuses becomes an {@link OidcException} whose message names what did not match, never a token.
 */
@ApplicationScoped
public class OidcClient {

    /** Why a sign-in with the provider was refused. */
    public static class OidcException extends Exception {
        public OidcException(String message) {
            super(message);
        }
    }

    /** What the browser carries between the redirect and the callback (in a short-lived HttpOnly cookie). */
    public record Pending(String state, String nonce, String verifier) {
        public String encode() {
            return state + "." + nonce + "." + verifier;
        }

        public static Pending decode(String cookie) {
            String[] p = cookie == null ? new String[0] : cookie.split("\\.");
            return p.length == 3 ? new Pending(p[0], p[1], p[2]) : null;
        }
    }

    /** The person the provider vouched for, with the claims Steward maps. */
    public record Claims(String subject, String username, String name, List<String> roleValues, List<String> teams) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OidcConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock = Clock.systemUTC();
    private volatile JsonNode discovery;
    private volatile Map<String, PublicKey> keys = Map.of();

    public OidcClient(OidcConfig config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.enabled();
    }

    public String displayName() {
        return config.displayName();
    }

    public Pending newPending() {
        return new Pending(random(), random(), random());
    }

    /** The provider's authorization URL for this sign-in. */
    public URI authorizationUrl(Pending p, String redirectUri) throws OidcException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", config.clientId().orElseThrow());
        q.put("redirect_uri", redirectUri);
        q.put("scope", config.scopes());
        q.put("state", p.state());
        q.put("nonce", p.nonce());
        q.put("code_challenge", challenge(p.verifier()));
        q.put("code_challenge_method", "S256");
        String endpoint = text(discovery(), "authorization_endpoint");
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(q));
    }

    public String redirectUri(String requestBase) {
        return config.redirectUri().filter(s -> !s.isBlank()).orElse(requestBase + "login/oidc/callback");
    }

    /** Exchanges the code and checks the ID token; the claims of the person on success. */
    public Claims exchange(String code, Pending p, String redirectUri) throws OidcException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("client_id", config.clientId().orElseThrow());
        body.put("code_verifier", p.verifier());
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(text(discovery(), "token_endpoint")))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form(body)));
        config.clientSecret().filter(s -> !s.isBlank()).ifPresent(secret -> req.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((enc(config.clientId().orElseThrow()) + ":" + enc(secret))
                        .getBytes(StandardCharsets.UTF_8))));
        JsonNode tokens = fetch(req.build(), "the token endpoint");
        JsonNode idToken = tokens.get("id_token");
        if (idToken == null || !idToken.isTextual()) {
            throw new OidcException("the token endpoint answered without an id_token");
        }
        return verify(idToken.asText(), p.nonce());
    }

    /** Checks an ID token: RS256 signature by a key of the provider's JWKS, iss, aud, exp/nbf/iat, nonce. */
    Claims verify(String jwt, String nonce) throws OidcException {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new OidcException("the ID token is not a signed JWT");
        }
        JsonNode header = decode(parts[0], "header");
        JsonNode claims = decode(parts[1], "payload");
        String alg = header.path("alg").asText();
        if (!"RS256".equals(alg)) {
            throw new OidcException("the ID token is signed with '" + alg + "'; only RS256 is accepted");
        }
        PublicKey key = key(header.path("kid").asText(null));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new OidcException("the ID token signature does not verify with the provider's key");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new OidcException("the ID token signature cannot be checked: " + e.getMessage());
        }
        String issuer = config.issuer().orElseThrow();
        if (!issuer.equals(claims.path("iss").asText())) {
            throw new OidcException("the ID token issuer '" + claims.path("iss").asText() + "' is not " + issuer);
        }
        if (!values(claims.get("aud")).contains(config.clientId().orElseThrow())) {
            throw new OidcException("the ID token is not for this client (aud " + values(claims.get("aud")) + ")");
        }
        Instant now = clock.instant();
        long skew = config.clockSkew().toSeconds();
        if (!claims.has("exp") || claims.path("exp").asLong() + skew < now.getEpochSecond()) {
            throw new OidcException("the ID token has expired");
        }
        if (claims.has("nbf") && claims.path("nbf").asLong() - skew > now.getEpochSecond()) {
            throw new OidcException("the ID token is not valid yet");
        }
        if (!nonce.equals(claims.path("nonce").asText())) {
            throw new OidcException("the ID token nonce does not match this sign-in");
        }
        String username = claims.path(config.usernameClaim()).asText("");
        return new Claims(claims.path("sub").asText(), username, claims.path("name").asText(null),
                values(claims.get(config.roleClaim())), values(claims.get(config.teamsClaim())));
    }

    /** The highest Steward role the claims grant, if any. */
    public Role role(Claims c) {
        Role best = null;
        for (String v : c.roleValues()) {
            String mapped = config.roles().getOrDefault(v, v);
            Role r;
            try {
                r = Role.parse(mapped);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (best == null || r.ordinal() > best.ordinal()) {
                best = r;
            }
        }
        return best;
    }

    private PublicKey key(String kid) throws OidcException {
        PublicKey k = find(keys, kid);
        if (k == null) {
            keys = loadKeys();
            k = find(keys, kid);
        }
        if (k == null) {
            throw new OidcException("no RSA key " + (kid == null ? "" : "'" + kid + "' ") + "in the provider's JWKS");
        }
        return k;
    }

    private static PublicKey find(Map<String, PublicKey> keys, String kid) {
        if (kid == null) {
            return keys.size() == 1 ? keys.values().iterator().next() : null;
        }
        return keys.get(kid);
    }

    private Map<String, PublicKey> loadKeys() throws OidcException {
        JsonNode jwks = fetch(HttpRequest.newBuilder(URI.create(text(discovery(), "jwks_uri")))
                .timeout(Duration.ofSeconds(20)).GET().build(), "the JWKS endpoint");
        Map<String, PublicKey> out = new LinkedHashMap<>();
        for (JsonNode k : jwks.path("keys")) {
            if (!"RSA".equals(k.path("kty").asText()) || k.has("use") && !"sig".equals(k.path("use").asText())) {
                continue;
            }
            try {
                BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(k.path("n").asText()));
                BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(k.path("e").asText()));
                out.put(k.path("kid").asText("key-" + out.size()),
                        KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
            } catch (GeneralSecurityException | IllegalArgumentException ex) {
                throw new OidcException("the provider's JWKS holds an unreadable RSA key: " + ex.getMessage());
            }
        }
        return Map.copyOf(out);
    }

    private JsonNode discovery() throws OidcException {
        JsonNode d = discovery;
        if (d == null) {
            String issuer = config.issuer().orElseThrow();
            d = fetch(HttpRequest.newBuilder(URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(20)).GET().build(), "OIDC discovery");
            if (!issuer.equals(d.path("issuer").asText())) {
                throw new OidcException("discovery names issuer '" + d.path("issuer").asText() + "', not " + issuer);
            }
            discovery = d;
        }
        return d;
    }

    private JsonNode fetch(HttpRequest request, String what) throws OidcException {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new OidcException(what + " answered HTTP " + r.statusCode());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new OidcException(what + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException(what + " was interrupted");
        }
    }

    private static JsonNode decode(String part, String what) throws OidcException {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException | IllegalArgumentException e) {
            throw new OidcException("the ID token " + what + " is not JSON");
        }
    }

    private static String text(JsonNode n, String field) throws OidcException {
        String v = n.path(field).asText(null);
        if (v == null || v.isBlank()) {
            throw new OidcException("OIDC discovery has no " + field);
        }
        return v;
    }

    static List<String> values(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else {
            for (String s : n.asText().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> m) {
        return m.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
