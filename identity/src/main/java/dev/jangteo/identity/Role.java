package dev.jangteo.identity;

/** The roles the apps know (their platform's {@code Role}); a user configured with any other does not bind. */
public enum Role {
    CLIENT, ANALYST, AUDITOR, ADMIN
}
