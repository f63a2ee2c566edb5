package dev.steward.ui;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in browser session over plain HTTP: the session cookie and the page's CSRF token. */
record WebSession(String username, String cookie, String csrf) {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The password of the users {@link #newUser} makes. */
    static final String PASSWORD = "correct horse battery";

    /** A new user of the role (no teams), signed in. */
    static WebSession newUser(dev.steward.security.UserService users, dev.steward.security.Role role) {
        String name = role.wire() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> users.add(name, "Test " + name, PASSWORD, role, java.util.List.of(), null));
        return signIn(name, PASSWORD);
    }

    /** Signs in through the form as a browser does; fails the test when sign-in does not succeed. */
    static WebSession signIn(String user, String password) {
        Response r = attempt(user, password);
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in of " + user + " answered " + r.statusCode());
        }
        String cookie = r.getCookie("steward_session");
        String page = given().cookie("steward_session", cookie).redirects().follow(false).get("/admin/users").asString();
        Matcher m = CSRF.matcher(page);
        String csrf = m.find() ? m.group(1) : null;
        if (csrf == null) {
            page = given().cookie("steward_session", cookie).get("/").asString();
            m = CSRF.matcher(page);
            csrf = m.find() ? m.group(1) : null;
        }
        return new WebSession(user, cookie, csrf);
    }

    /** Posts the sign-in form with a fresh form token; answers the raw response (303 on success). */
    static Response attempt(String user, String password) {
        Response form = given().get("/login");
        String token = loginToken(form.asString());
        return given().cookie("steward_login", form.getCookie("steward_login")).redirects().follow(false)
                .formParam("username", user).formParam("password", password).formParam("_csrf", token)
                .post("/login");
    }

    static String loginToken(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no form token on the sign-in page");
        }
        return m.group(1);
    }
}
