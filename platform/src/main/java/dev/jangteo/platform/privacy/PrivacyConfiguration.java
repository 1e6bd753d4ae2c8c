package dev.jangteo.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crypto-shredding for both apps: the event serializer (replacing Axon's auto-configured one, which backs off when
 * a bean qualified {@code eventSerializer} exists) and the key store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

    @Bean
    public SubjectKeys subjectKeys(JdbcTemplate jdbc) {
        return new JdbcSubjectKeys(jdbc);
    }

    @Bean
    public PersonalDataCodec personalDataCodec(SubjectKeys keys, PrivacyProperties properties) {
        return new PersonalDataCodec(keys, properties.createKeys());
    }

    @Bean
    @Qualifier("eventSerializer")
    public PersonalDataSerializer eventSerializer(@Qualifier("defaultAxonObjectMapper") ObjectMapper mapper,
                                                  RevisionResolver revisionResolver, PersonalDataCodec codec) {
        JacksonSerializer jackson = JacksonSerializer.builder()
                                                     .revisionResolver(revisionResolver)
                                                     .converter(new ChainingConverter(getClass().getClassLoader()))
                                                     .objectMapper(mapper)
                                                     .build();
        return new PersonalDataSerializer(jackson, codec);
    }
}
