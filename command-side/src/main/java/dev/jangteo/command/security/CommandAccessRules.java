package dev.jangteo.command.security;

import dev.jangteo.platform.security.Access;
import dev.jangteo.platform.security.EndpointRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import static dev.jangteo.platform.security.Role.ADMIN;
import static dev.jangteo.platform.security.Role.CLIENT;

/**
 * One rule per command endpoint (docs/api.md, "Security", has the table). A CLIENT acts only for itself: where the
 * path names the user the rule checks it; where a body or parameter does, the controller does
 * ({@code ActingUser.self}); an order's owner is checked by the order itself.
 */
@Component
class CommandAccessRules implements EndpointRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/accounts").hasRole(CLIENT.name())
             .requestMatchers(HttpMethod.POST, "/api/accounts/{userId}/deposits").access(Access.clientSelf("userId"))
             .requestMatchers(HttpMethod.DELETE, "/api/accounts/{userId}").access(Access.clientSelfOrAdmin("userId"))

             .requestMatchers(HttpMethod.POST, "/api/products").hasRole(ADMIN.name())
             .requestMatchers(HttpMethod.PUT, "/api/products/{productId}/price").hasRole(ADMIN.name())
             .requestMatchers(HttpMethod.POST, "/api/products/{productId}/restocks").hasRole(ADMIN.name())

             .requestMatchers(HttpMethod.POST, "/api/orders").hasRole(CLIENT.name())
             .requestMatchers(HttpMethod.POST, "/api/orders/{orderId}/cancellation").hasRole(CLIENT.name())

             .requestMatchers(HttpMethod.POST, "/api/rooms").hasRole(CLIENT.name())
             .requestMatchers(HttpMethod.POST, "/api/rooms/{roomId}/members").hasRole(CLIENT.name())
             .requestMatchers(HttpMethod.DELETE, "/api/rooms/{roomId}/members/{userId}")
             .access(Access.clientSelf("userId"))
             .requestMatchers(HttpMethod.POST, "/api/rooms/{roomId}/messages").hasRole(CLIENT.name())
             .requestMatchers(HttpMethod.PUT, "/api/rooms/{roomId}/messages/{messageId}").hasRole(CLIENT.name())
             .requestMatchers(HttpMethod.DELETE, "/api/rooms/{roomId}/messages/{messageId}").hasRole(CLIENT.name())
             .requestMatchers(HttpMethod.POST, "/api/rooms/{roomId}/reads").hasRole(CLIENT.name())

             .requestMatchers(HttpMethod.POST, "/api/coupons").hasRole(ADMIN.name())
             .requestMatchers(HttpMethod.POST, "/api/coupons/{couponId}/issues").hasRole(CLIENT.name());
    }
}
