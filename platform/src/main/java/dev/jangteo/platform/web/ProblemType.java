package dev.jangteo.platform.web;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * What a problem {@code code} means: the status it comes with, a short title and a description for the people who
 * write clients. Every problem answer names its code's page as {@code type}; {@link ProblemTypeController} serves it.
 */
public record ProblemType(String code, HttpStatus status, String title, String description) {

    public static final String PATH = "/problems";
    private static final URI NO_TYPE = URI.create("about:blank");

    /**
     * The {@code type} of a problem with {@code code}: {@code /problems/COUPON_SOLD_OUT}. A path on the app that
     * answered rather than an absolute URI on a documentation site: a client resolves it against the request's URI
     * (RFC 9457), so it leads to this build's own description of the code wherever the app runs, behind any proxy,
     * with no second site to keep in step. RFC 9457 asks relative types to carry the full path, as this does. Clients
     * still decide on {@code code}: the same code resolves on each app that answers it. A code made up from a bare
     * status ({@code HTTP_408}, see {@link ErrorCodes#forStatus}) has nothing to add to the status: {@code about:blank}.
     */
    public static URI uriOf(String code) {
        return code.startsWith(ErrorCodes.BARE_STATUS_PREFIX) ? NO_TYPE : URI.create(PATH + "/" + code);
    }

    public URI uri() {
        return uriOf(code);
    }
}
