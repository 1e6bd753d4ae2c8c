package dev.jangteo.platform.privacy;

import java.util.HashMap;
import java.util.Map;

/** The key store as a map, for unit tests; {@link #failing()} stands for a database that cannot be reached. */
class InMemorySubjectKeys implements SubjectKeys {

    private final Map<String, SubjectKey> keys = new HashMap<>();
    private boolean failing;

    void failing() {
        failing = true;
    }

    @Override
    public SubjectKey find(String subject) {
        if (failing) {
            throw new org.springframework.dao.DataAccessResourceFailureException("key store down");
        }
        return keys.getOrDefault(subject, new SubjectKey.Unknown());
    }

    @Override
    public SubjectKey findOrCreate(String subject) {
        SubjectKey key = find(subject);
        if (key instanceof SubjectKey.Unknown) {
            key = new SubjectKey.Active(FieldCipher.newKey());
            keys.put(subject, key);
        }
        return key;
    }

    @Override
    public void erase(String subject) {
        keys.put(subject, new SubjectKey.Erased());
    }
}
