package dev.jangteo.platform.security;

/** Neither a public key nor a JWKS is configured: the app cannot verify a single token, so it does not start. */
class MissingTokenKeyException extends IllegalStateException {

    static final String ADVICE = """
            No key to verify bearer tokens is configured. Set one of:
              SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI=https://issuer.example/.well-known/jwks.json
              SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION=file:/etc/jangteo/jwt-public.pem (RSA, PEM)
            or run with the local or loadtest profile (./dev run), which uses the key pair ./dev generates.""";

    MissingTokenKeyException() {
        super("No JWT verification key configured");
    }
}
