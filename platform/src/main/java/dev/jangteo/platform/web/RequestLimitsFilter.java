package dev.jangteo.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The first look at every request, before any controller: a body larger than {@link HttpLimits#maxBodySize()} is
 * refused with 413 {@code PAYLOAD_TOO_LARGE}, whether it announces its length or comes chunked (it is read at most
 * one byte past the limit, then buffered for the controller); a path or parameter with a control character (NUL...)
 * is refused with 400 {@code VALIDATION_FAILED} before it can reach a SQL parameter or an index query.
 */
public class RequestLimitsFilter extends OncePerRequestFilter {

    private final long maxBodySize;

    public RequestLimitsFilter(HttpLimits limits) {
        this.maxBodySize = limits.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasControlCharacter(request)) {
            ProblemWriter.write(request, response, HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED,
                                "The path or a parameter holds a control character");
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodySize) {
            tooLarge(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodySize + 1);
        if (body.length > maxBodySize) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The rest of the body is not read: close the connection rather than leave it in an unknown state.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ProblemWriter.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
                            "The request body is larger than " + maxBodySize + " bytes");
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
            out.write(buffer, 0, read);
            total += read;
        }
        return out.toByteArray();
    }

    /** Raw or percent-encoded (%00..%1F, %7F) in the path or the query string. */
    private static boolean hasControlCharacter(HttpServletRequest request) {
        return isControl(request.getRequestURI()) || isControl(request.getQueryString());
    }

    private static boolean isControl(String raw) {
        if (raw == null) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
            if (c == '%' && i + 2 < raw.length() && isEncodedControl(raw.charAt(i + 1), raw.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEncodedControl(char high, char low) {
        boolean lowIsHex = Character.digit(low, 16) >= 0;
        return lowIsHex && (high == '0' || high == '1') || high == '7' && (low == 'f' || low == 'F');
    }
}
