package dev.jangteo.platform.security;

import java.util.List;

/** The issuer or the audience of the tokens to take is not configured: the app would take anyone's, so it stops. */
class MissingTokenTrustException extends IllegalStateException {

    static final String ADVICE = """
            Name the identity provider and this API as its tokens do. Set:
              JANGTEO_SECURITY_JWT_ISSUER=https://issuer.example (the tokens' iss, exactly)
              JANGTEO_SECURITY_JWT_AUDIENCE=jangteo (a value of the tokens' aud)
            or run with the local or loadtest profile (./dev run), whose dev tokens say jangteo-dev and jangteo.""";

    private final List<String> missing;

    MissingTokenTrustException(List<String> missing) {
        super("Not configured: " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    List<String> missing() {
        return missing;
    }
}
