package dev.jangteo.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The identity provider (port 9000): OpenID Connect sign-in of the users it is configured with, for the console, and
 * the signed access tokens both apps take ({@code iss}, {@code aud}, {@code sub}, {@code roles}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }
}
