package dev.jangteo.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The one registered client, the console: public (no secret, {@code none} authentication), authorization code with
 * PKCE required (S256, the only method the server takes), {@code openid profile}, no refresh tokens and no consent
 * screen; sent back only to the configured redirect URIs.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleClient {

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties) {
        IdentityProperties.Console console = properties.console();
        RegisteredClient client = RegisteredClient.withId(console.clientId())
                .clientId(console.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(console.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(console.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                                              .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build())
                .build();
        return new InMemoryRegisteredClientRepository(client);
    }
}
