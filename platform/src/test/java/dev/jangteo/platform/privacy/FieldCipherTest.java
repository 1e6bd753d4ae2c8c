package dev.jangteo.platform.privacy;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    private final byte[] key = FieldCipher.newKey();

    @Test
    void canDecryptWhatItEncrypted() {
        String stored = FieldCipher.encrypt(key, "alice", "email", "alice@example.com");

        assertThat(stored).startsWith(FieldCipher.PREFIX).doesNotContain("alice@example.com");
        assertThat(FieldCipher.decrypt(key, "alice", "email", stored)).isEqualTo("alice@example.com");
    }

    @Test
    void canRoundTripUnicode() {
        String stored = FieldCipher.encrypt(key, "alice", "displayName", "김민지 🙂");

        assertThat(FieldCipher.decrypt(key, "alice", "displayName", stored)).isEqualTo("김민지 🙂");
    }

    @Test
    void canEncryptTheSameValueDifferentlyEachTime() {
        assertThat(FieldCipher.encrypt(key, "alice", "email", "a@b.c"))
                .isNotEqualTo(FieldCipher.encrypt(key, "alice", "email", "a@b.c"));
    }

    @Test
    void cannotDecryptWithAnotherKey() {
        String stored = FieldCipher.encrypt(key, "alice", "email", "alice@example.com");

        assertThatThrownBy(() -> FieldCipher.decrypt(FieldCipher.newKey(), "alice", "email", stored))
                .isInstanceOf(FieldCipher.TamperedFieldException.class);
    }

    @Test
    void cannotDecryptAValueMovedToAnotherSubject() {
        String stored = FieldCipher.encrypt(key, "alice", "email", "alice@example.com");

        assertThatThrownBy(() -> FieldCipher.decrypt(key, "bob", "email", stored))
                .isInstanceOf(FieldCipher.TamperedFieldException.class);
    }

    @Test
    void cannotDecryptAValueMovedToAnotherField() {
        String stored = FieldCipher.encrypt(key, "alice", "email", "alice@example.com");

        assertThatThrownBy(() -> FieldCipher.decrypt(key, "alice", "displayName", stored))
                .isInstanceOf(FieldCipher.TamperedFieldException.class);
    }

    @Test
    void cannotDecryptATamperedValue() {
        String stored = FieldCipher.encrypt(key, "alice", "email", "alice@example.com");
        byte[] bytes = Base64.getDecoder().decode(stored.substring(FieldCipher.PREFIX.length()));
        bytes[bytes.length / 2] ^= 1;
        String tampered = FieldCipher.PREFIX + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> FieldCipher.decrypt(key, "alice", "email", tampered))
                .isInstanceOf(FieldCipher.TamperedFieldException.class);
    }

    @Test
    void cannotDecryptATruncatedOrMalformedValue() {
        assertThatThrownBy(() -> FieldCipher.decrypt(key, "alice", "email", FieldCipher.PREFIX + "AAAA"))
                .isInstanceOf(FieldCipher.TamperedFieldException.class);
        assertThatThrownBy(() -> FieldCipher.decrypt(key, "alice", "email", FieldCipher.PREFIX + "not base64!"))
                .isInstanceOf(FieldCipher.TamperedFieldException.class);
    }
}
