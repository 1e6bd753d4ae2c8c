package dev.jangteo.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * RS256 bearer tokens as an identity provider would issue them, signed in this JVM so that a test or a benchmark
 * needs no issuer running: the issuer as {@code iss}, the API as {@code aud}, the user id as {@code sub}, the roles in
 * {@code roles}, {@code iat}, {@code exp} and a fresh {@code jti}, which is all the apps' resource servers read. The
 * tests make a key pair of their own and hand the apps its public half with the issuer and audience
 * ({@link #trustArguments}); the benchmarks {@link #load} the dev key that {@code ./dev} generates, which the apps it
 * started already trust, as the dev issuer ({@link #DEV_ISSUER}, {@link #DEV_AUDIENCE}) signs with it.
 */
public final class Jwt {

    /** The property whose {@code file:} location an app reads the key it trusts from. */
    public static final String PUBLIC_KEY_PROPERTY = "spring.security.oauth2.resourceserver.jwt.public-key-location";
    /** The property naming the only {@code iss} an app takes. */
    public static final String ISSUER_PROPERTY = "jangteo.security.jwt.issuer";
    /** The property naming the {@code aud} an app's tokens must hold. */
    public static final String AUDIENCE_PROPERTY = "jangteo.security.jwt.audience";
    /** The issuer and audience of the apps' {@code local} and {@code loadtest} profiles and of their dev tokens. */
    public static final String DEV_ISSUER = "jangteo-dev";
    public static final String DEV_AUDIENCE = "jangteo";

    private static final String HEADER = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String issuer;
    private final String audience;

    private Jwt(PrivateKey privateKey, PublicKey publicKey, String issuer, String audience) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.issuer = issuer;
        this.audience = audience;
    }

    private Jwt(PrivateKey privateKey, PublicKey publicKey) {
        this(privateKey, publicKey, DEV_ISSUER, DEV_AUDIENCE);
    }

    /** The same key writing {@code iss} = {@code issuer}: another identity provider sharing the key. */
    public Jwt withIssuer(String issuer) {
        return new Jwt(privateKey, publicKey, issuer, audience);
    }

    /** The same key writing {@code aud} = {@code audience}: a token meant for another API. */
    public Jwt withAudience(String audience) {
        return new Jwt(privateKey, publicKey, issuer, audience);
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /**
     * A signer with a fresh 2048-bit RSA key pair, which no app trusts until it is given the public half; its tokens
     * say {@link #DEV_ISSUER} and {@link #DEV_AUDIENCE} until {@link #withIssuer} or {@link #withAudience}.
     */
    public static Jwt generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new Jwt(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A signer with the PKCS#8 PEM private key in {@code file}, as {@code openssl genpkey} writes it; the public half
     * is taken from the key's own modulus and exponent.
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException when it holds no RSA private key
     */
    public static Jwt load(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException(file + " holds no RSA key with its public exponent");
            }
            return new Jwt(key, rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " holds no PKCS#8 RSA private key: " + e.getMessage(), e);
        }
    }

    /** The Spring Boot argument that makes an app trust tokens whose public key is the PEM in {@code file}. */
    public static String publicKeyArgument(Path file) {
        return "--" + PUBLIC_KEY_PROPERTY + "=file:" + file.toAbsolutePath();
    }

    /**
     * The Spring Boot arguments that make an app take this signer's tokens: the public key in {@code file} (written by
     * {@link #writePublicKey}), this issuer and this audience.
     */
    public List<String> trustArguments(Path file) {
        return List.of(publicKeyArgument(file), "--" + ISSUER_PROPERTY + "=" + issuer,
                       "--" + AUDIENCE_PROPERTY + "=" + audience);
    }

    /** A token of {@code subject} holding {@code roles}, valid from {@code issuedAt} until {@code expiresAt}. */
    public String token(String subject, Instant issuedAt, Instant expiresAt, String... roles) {
        ObjectNode claims = JsonHttp.JSON.createObjectNode();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", subject);
        ArrayNode granted = claims.putArray("roles");
        for (String role : roles) {
            granted.add(role);
        }
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = HEADER + "." + base64Url(claims.toString());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Writes the public key as PEM (X.509 SubjectPublicKeyInfo), where {@link #PUBLIC_KEY_PROPERTY} reads it. */
    public Path writePublicKey(Path file) {
        return write(file, "PUBLIC KEY", publicKey.getEncoded());
    }

    /** Writes the private key as PKCS#8 PEM, what {@link #load} and the command side's dev issuer read. */
    public Path writePrivateKey(Path file) {
        return write(file, "PRIVATE KEY", privateKey.getEncoded());
    }

    /** The DER bytes of a PEM block: its base64 between the BEGIN and END lines. */
    static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", ""));
    }

    private static Path write(Path file, String label, byte[] der) {
        String pem = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
