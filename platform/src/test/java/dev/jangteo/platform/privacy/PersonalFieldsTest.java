package dev.jangteo.platform.privacy;

import dev.jangteo.api.DataSubject;
import dev.jangteo.api.PersonalData;
import dev.jangteo.api.account.AccountOpenedEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform recognises shared-api's annotations by name, since it depends on no domain module at run time; this
 * holds the names to the real annotations, so renaming one fails here and not silently in production.
 */
class PersonalFieldsTest {

    @Test
    void namesTheSharedApisAnnotations() {
        assertThat(PersonalFields.PERSONAL_DATA).isEqualTo(PersonalData.class.getName());
        assertThat(PersonalFields.DATA_SUBJECT).isEqualTo(DataSubject.class.getName());
    }

    @Test
    void findsThePersonalFieldsAndTheSubjectOfAnEvent() {
        PersonalFields fields = PersonalFields.of(AccountOpenedEvent.class);

        assertThat(fields.subject()).isEqualTo("userId");
        assertThat(fields.fields()).containsExactlyInAnyOrder("email", "displayName");
    }

    @Test
    void findsNothingInAClassWithoutPersonalData() {
        assertThat(PersonalFields.of(Plain.class).isEmpty()).isTrue();
        assertThat(PersonalFields.of(Plain.class).fields()).isEqualTo(List.of());
    }

    private record Plain(String id, long amount) {
    }
}
