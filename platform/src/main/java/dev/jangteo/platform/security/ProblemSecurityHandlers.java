package dev.jangteo.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jangteo.platform.web.ErrorCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 401 and 403 from the security filters as problem+json with the codes {@code UNAUTHENTICATED} and
 * {@code FORBIDDEN}, like every other error, with the RFC 6750 {@code WWW-Authenticate: Bearer} challenge. Written
 * here rather than by Spring's bearer entry point, whose challenge points at a protected-resource metadata document
 * these apps do not serve.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, failure instanceof OAuth2AuthenticationException
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED,
              "A valid bearer token is required (missing, malformed, expired or not signed by a trusted key).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException denied) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        write(request, response, HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
              "The token's roles or user do not allow this request.");
    }

    /** A URL the firewall refuses (an encoded slash, a path traversal, a control character...): 400, as problem+json. */
    static void rejected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST,
              "The request's URL or headers contain characters or sequences that are not accepted.");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String code, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
