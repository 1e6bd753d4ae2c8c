package dev.jangteo.platform.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * One personal field as stored: {@code "pii:v1:" + base64(iv || ciphertext || tag)}, AES-256-GCM with a random 96-bit
 * IV and the subject and field name as associated data, so a value copied to another person or another field does
 * not decrypt. The prefix names the format, so values stored in plaintext before encryption existed pass through.
 */
public final class FieldCipher {

    public static final String PREFIX = "pii:v1:";
    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FieldCipher() {
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public static String encrypt(byte[] key, String subject, String field, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, subject, field);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, stored, 0, IV_BYTES);
            System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws TamperedFieldException when the value is not a well-formed envelope or does not authenticate under
     *                                this key, subject and field: a wrong key or an altered byte, never "erased"
     */
    public static String decrypt(byte[] key, String subject, String field, String stored) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new TamperedFieldException(subject, field, e);
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new TamperedFieldException(subject, field, null);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, IV_BYTES), subject, field);
            byte[] plaintext = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TamperedFieldException(subject, field, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, String subject, String field)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((subject + '\u0000' + field).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A stored personal field that does not decrypt with its subject's key: tampering or a key mix-up. */
    public static final class TamperedFieldException extends RuntimeException {

        TamperedFieldException(String subject, String field, Throwable cause) {
            super("Personal field '" + field + "' of subject " + subject
                          + " does not authenticate: altered, or encrypted with another key", cause);
        }
    }
}
