package dev.steward.ingest.opa;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * How OPA decision log events map to decisions. Every field takes a comma-separated list of alternatives, each a JSON
 * Pointer into the whole event ({@code /input/...}, {@code /labels/...}, {@code /requested_by}) or a template with one
 * pointer in braces ({@code ip:{/input/attributes/source/address/socketAddress/address}}); the first that finds a
 * value wins. A field left unset takes the preset's alternatives (see docs/sources.md).
 */
@ConfigMapping(prefix = "steward.sources.opa")
public interface OpaConfig {

    /**
     * The mapping preset: {@code envoy} (opa-envoy-plugin ext_authz input: source principal, HTTP method and path),
     * {@code generic} (input.agent / subject / principal, action, resource, ...), or {@code auto}: envoy when the input
     * has attributes.request.http, else generic.
     */
    @WithDefault("auto")
    String preset();

    /** The acting principal (agent id). */
    Optional<List<String>> agent();

    /** The credential id (never a token value). */
    Optional<List<String>> credential();

    /** The tool or service called. */
    Optional<List<String>> tool();

    /** The action (operation, HTTP method). */
    Optional<List<String>> action();

    /** The resource acted on. */
    Optional<List<String>> resource();

    /** The delegation chain, nearest first: an array or one id. */
    Optional<List<String>> onBehalfOf();

    /** The scope or permission used. */
    Optional<List<String>> scope();

    /** The task or prompt reference behind the action. */
    Optional<List<String>> trigger();

    /** The environment (prod, staging, ...). */
    Optional<List<String>> environment();

    /** The client's user agent. */
    Optional<List<String>> userAgent();

    /** The risk level (low, medium, high). */
    Optional<List<String>> risk();

    /** An approval reference. */
    Optional<List<String>> approval();

    /** Where an object result says allow or deny (true/false, or the strings allow/deny), relative to the result. */
    @WithDefault("/allowed,/allow,/decision")
    List<String> resultAllowed();

    /** Where an object result gives its reason, relative to the result. */
    @WithDefault("/reason,/reasons,/headers/x-ext-auth-deny-reason")
    List<String> resultReason();
}
