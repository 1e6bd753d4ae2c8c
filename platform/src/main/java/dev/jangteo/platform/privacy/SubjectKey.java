package dev.jangteo.platform.privacy;

/** What the key store holds for one data subject. */
public sealed interface SubjectKey {

    /** The key that encrypts and decrypts the subject's personal fields. */
    record Active(byte[] key) implements SubjectKey {
    }

    /** Deleted with the account: the subject's personal fields read as erased, and new ones are stored erased. */
    record Erased() implements SubjectKey {
    }

    /** No key was ever made for this subject. */
    record Unknown() implements SubjectKey {
    }
}
