package dev.jangteo.platform.security;

import dev.jangteo.platform.web.ErrorCodes;
import dev.jangteo.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * 401 and 403 from the security filters as problem+json with the codes {@code UNAUTHENTICATED} and
 * {@code FORBIDDEN}, like every other error, with the RFC 6750 {@code WWW-Authenticate: Bearer} challenge. Written
 * here rather than by Spring's bearer entry point, whose challenge points at a protected-resource metadata document
 * these apps do not serve.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, failure instanceof OAuth2AuthenticationException
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        ProblemWriter.write(request, response, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED,
              "A valid bearer token is required (missing, malformed, expired or not signed by a trusted key).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException denied) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        ProblemWriter.write(request, response, HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
              "The token's roles or user do not allow this request.");
    }

    /** A URL the firewall refuses (an encoded slash, a path traversal, a control character...): 400, as problem+json. */
    static void rejected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemWriter.write(request, response, HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST,
              "The request's URL or headers contain characters or sequences that are not accepted.");
    }
}
