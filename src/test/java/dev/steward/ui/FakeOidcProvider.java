package dev.steward.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small, real OpenID Connect provider for tests (JDK HTTP server on a free port): discovery, an authorize endpoint
 * that signs in whoever {@link #nextPerson} names and redirects back with a code, a token endpoint that checks the
 * client secret and the PKCE verifier and answers an RS256-signed ID token, and the JWKS. {@link #forgeNext} makes the
 * next ID token carry a signature by a key the JWKS does not hold.
 */
public class FakeOidcProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "steward-test";
    static final String CLIENT_SECRET = "fake-client-secret-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();

    static volatile Map<String, Object> nextPerson = Map.of();
    static volatile boolean forgeNext;
    static String issuer;

    private static final Map<String, Map<String, String>> CODES = new ConcurrentHashMap<>();
    private HttpServer server;
    private KeyPair key;
    private KeyPair otherKey;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            key = g.generateKeyPair();
            otherKey = g.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        server.createContext("/realms/test/.well-known/openid-configuration", x -> json(x, 200, Map.of("issuer", issuer,
                "authorization_endpoint", issuer + "/authorize", "token_endpoint", issuer + "/token",
                "jwks_uri", issuer + "/jwks")));
        server.createContext("/realms/test/jwks", x -> {
            RSAPublicKey pub = (RSAPublicKey) key.getPublic();
            json(x, 200, Map.of("keys", List.of(Map.of("kty", "RSA", "kid", "k1", "use", "sig", "alg", "RS256",
                    "n", b64(unsigned(pub.getModulus().toByteArray())), "e", b64(unsigned(pub.getPublicExponent().toByteArray()))))));
        });
        server.createContext("/realms/test/authorize", this::authorize);
        server.createContext("/realms/test/token", this::token);
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("steward.oidc.issuer", issuer);
        config.put("steward.oidc.client-id", CLIENT_ID);
        config.put("steward.oidc.client-secret", CLIENT_SECRET);
        config.put("steward.oidc.display-name", "Test IdP");
        config.put("steward.oidc.roles.\"grc-admins\"", "admin");
        config.put("steward.oidc.roles.\"grc-auditors\"", "auditor");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id")) || !"S256".equals(q.get("code_challenge_method"))) {
            json(x, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        CODES.put(code, q);
        x.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(x.getRequestHeaders().getFirst("Authorization"))) {
            json(x, 401, Map.of("error", "invalid_client"));
            return;
        }
        Map<String, String> auth = CODES.remove(form.getOrDefault("code", ""));
        if (auth == null || !auth.get("redirect_uri").equals(form.get("redirect_uri"))
                || !auth.get("code_challenge").equals(s256(form.getOrDefault("code_verifier", "")))) {
            json(x, 400, Map.of("error", "invalid_grant"));
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", CLIENT_ID);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("nonce", auth.get("nonce"));
        claims.putAll(nextPerson);
        boolean forge = forgeNext;
        forgeNext = false;
        json(x, 200, Map.of("access_token", "opaque", "token_type", "Bearer", "id_token", jwt(claims, forge ? otherKey : key)));
    }

    private static String jwt(Map<String, Object> claims, KeyPair signer) throws IOException {
        String head = b64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "kid", "k1", "typ", "JWT")));
        String body = b64(JSON.writeValueAsBytes(claims));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(signer.getPrivate());
            s.update((head + "." + body).getBytes(StandardCharsets.US_ASCII));
            return head + "." + body + "." + b64(s.sign());
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static String s256(String verifier) {
        try {
            return b64(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(byte[] b) {
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int i = pair.indexOf('=');
            if (i > 0) {
                m.put(URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void json(HttpExchange x, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
