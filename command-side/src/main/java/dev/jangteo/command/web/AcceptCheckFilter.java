package dev.jangteo.command.web;

import dev.jangteo.platform.web.ErrorCodes;
import dev.jangteo.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * A command whose answer the caller will not accept is refused (406 {@code NOT_ACCEPTABLE}) before it runs. Spring
 * MVC only finds out when it writes the answer, after the command has taken effect, so the caller would see an error
 * for something that happened. Command answers are JSON (or problem+json).
 */
class AcceptCheckFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.ACCEPT) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
            chain.doFilter(request, response);
            return;
        }
        ProblemWriter.write(request, response, HttpStatus.NOT_ACCEPTABLE, ErrorCodes.NOT_ACCEPTABLE,
                            "Command answers are application/json; the Accept header does not allow it");
    }

    private static boolean acceptsJson(String accept) {
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.isEmpty() || types.stream().anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        } catch (InvalidMediaTypeException unparsable) {
            return false;
        }
    }
}
