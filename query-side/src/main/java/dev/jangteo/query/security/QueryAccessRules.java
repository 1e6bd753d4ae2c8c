package dev.jangteo.query.security;

import dev.jangteo.platform.security.Access;
import dev.jangteo.platform.security.EndpointRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import static dev.jangteo.platform.security.Role.ADMIN;
import static dev.jangteo.platform.security.Role.ANALYST;
import static dev.jangteo.platform.security.Role.AUDITOR;
import static dev.jangteo.platform.security.Role.CLIENT;

/**
 * One rule per query endpoint (docs/api.md, "Security", has the table). A CLIENT reads only its own data: where the
 * path names the user the rule checks it; an order's owner and a room's members are checked by their controllers,
 * which read them anyway; search and history take the token's user, never another.
 */
@Component
class QueryAccessRules implements EndpointRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/products", "/api/products/{productId}")
             .hasAnyRole(CLIENT.name(), ANALYST.name(), AUDITOR.name(), ADMIN.name())
             .requestMatchers(HttpMethod.GET, "/api/rankings/products", "/api/coupons/{couponId}")
             .hasAnyRole(CLIENT.name(), ANALYST.name(), ADMIN.name())
             .requestMatchers(HttpMethod.GET, "/api/stats/**").hasAnyRole(ANALYST.name(), ADMIN.name())

             .requestMatchers(HttpMethod.GET, "/api/rooms/{roomId}").hasAnyRole(CLIENT.name(), ANALYST.name())
             .requestMatchers(HttpMethod.GET, "/api/rooms/{roomId}/messages", "/api/messages/search")
             .hasRole(CLIENT.name())

             .requestMatchers(HttpMethod.GET, "/api/accounts/{userId}", "/api/users/{userId}/orders",
                              "/api/users/{userId}/coupons", "/api/users/{userId}/rooms",
                              "/api/users/{userId}/export")
             .access(Access.clientSelf("userId"))
             .requestMatchers(HttpMethod.GET, "/api/orders/{orderId}").hasRole(CLIENT.name())

             .requestMatchers("/api/audit/**").hasRole(AUDITOR.name())
             .requestMatchers("/api/admin/**").hasRole(ADMIN.name());
    }
}
