package dev.steward.web;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.steward.ingest.IngestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps exceptions to RFC 7807 problem responses in one place: bad input 400 (413 when too large), unknown resources
 * 404 (a role that does not allow the request: {@link dev.steward.ui.PageErrors}, 403 audited as ACCESS_DENIED). Messages name the offending value; they never carry secret values (ingestion redacts before it reports).
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response ingest(IngestException e, UriInfo uri) {
        int status = e.tooLarge() ? 413 : 400;
        return problem(status, e.tooLarge() ? "Upload too large" : "Bad input", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, UriInfo uri) {
        return problem(400, "Bad request", e.getMessage(), uri);
    }

    /** A request body's field the endpoint does not take: named, with the fields it takes. */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        List<String> known = e.getKnownPropertyIds() == null ? List.of()
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        return problem(400, "Bad request", "unknown field '" + e.getPropertyName() + "' in the request body; "
                + takes(known), uri);
    }

    /** "it takes a, b" or "it takes none": what an endpoint accepts, after an input it does not. */
    static String takes(Collection<String> names) {
        return names.isEmpty() ? "it takes none" : "it takes " + String.join(", ", names);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return problem(404, "Not found", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        return problem(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), uri);
    }

    static Response problem(int status, String title, String detail, UriInfo uri) {
        return Response.status(status).type(Problems7807.MEDIA_TYPE)
                .entity(Problems7807.of(status, title, detail, uri == null ? null : uri.getPath())).build();
    }
}
