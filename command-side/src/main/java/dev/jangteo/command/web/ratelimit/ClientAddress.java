package dev.jangteo.command.web.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address for the per-address limit. X-Forwarded-For is only believed with trusted proxy hops
 * configured: then each of our proxies appended the address it saw, so the client is that many entries from the
 * right (entries further left were written by the client and may be anything).
 */
final class ClientAddress {

    private final int trustedProxyHops;

    ClientAddress(int trustedProxyHops) {
        this.trustedProxyHops = trustedProxyHops;
    }

    String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (trustedProxyHops <= 0 || forwarded == null || forwarded.isBlank()) {
            return request.getRemoteAddr();
        }
        String[] hops = forwarded.split(",");
        int index = hops.length - trustedProxyHops;
        String address = hops[Math.max(0, index)].trim();
        return address.isEmpty() || address.length() > 64 ? request.getRemoteAddr() : address;
    }
}
