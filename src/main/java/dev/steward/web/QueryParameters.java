package dev.steward.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an API request carrying a query parameter its endpoint does not take: 400, naming the parameter and the
 * ones the endpoint takes. Otherwise a misspelt filter ({@code ?check=OWN-1} for {@code ?checkId=OWN-1}) would be
 * ignored, and a whole run's findings read as the filtered few. Web pages keep their own, more forgiving, links.
 */
public class QueryParameters {

    private final Map<Method, Set<String>> taken = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Optional<Response> unknown(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null || !uri.getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        Set<String> names = taken.computeIfAbsent(method, QueryParameters::names);
        List<String> unknown = uri.getQueryParameters().keySet().stream().filter(k -> !names.contains(k)).sorted().toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        String which = unknown.size() == 1 ? "query parameter '" + unknown.get(0) + "'"
                : "query parameters '" + String.join("', '", unknown) + "'";
        return Optional.of(ProblemMappers.problem(400, "Bad request",
                "unknown " + which + " for " + uri.getPath() + "; " + ProblemMappers.takes(names), uri));
    }

    /** The names of the method's {@code @QueryParam}s, sorted. */
    static Set<String> names(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                }
            }
        }
        return names;
    }
}
