package dev.jangteo.platform.privacy;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Which JSON fields of an event class are personal data and which one names their data subject, read once per
 * class. The annotations ({@value #PERSONAL_DATA}, {@value #DATA_SUBJECT}) are recognised by name: the platform
 * depends on no domain module, and shared-api on nothing but Axon's annotations. The JSON names are the Java names
 * (records and fields as Jackson writes them by default).
 */
record PersonalFields(String subject, List<String> fields) {

    static final String PERSONAL_DATA = "dev.jangteo.api.PersonalData";
    static final String DATA_SUBJECT = "dev.jangteo.api.DataSubject";

    private static final PersonalFields NONE = new PersonalFields(null, List.of());

    private static final ClassValue<PersonalFields> CACHE = new ClassValue<>() {
        @Override
        protected PersonalFields computeValue(Class<?> type) {
            return inspect(type);
        }
    };

    static PersonalFields of(Class<?> type) {
        return CACHE.get(type);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    private static PersonalFields inspect(Class<?> type) {
        List<String> personal = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        if (type.isRecord()) {
            for (var component : type.getRecordComponents()) {
                collect(component, component.getName(), component.getType(), personal, subjects);
            }
        } else {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        collect(field, field.getName(), field.getType(), personal, subjects);
                    }
                }
            }
        }
        if (personal.isEmpty()) {
            return NONE;
        }
        if (subjects.size() != 1) {
            throw new IllegalStateException(type.getName() + " has @PersonalData fields and needs exactly one "
                                                    + "@DataSubject field, found " + subjects);
        }
        return new PersonalFields(subjects.getFirst(), List.copyOf(personal));
    }

    private static void collect(AnnotatedElement element, String name, Class<?> javaType, List<String> personal,
                                List<String> subjects) {
        boolean isPersonal = has(element, PERSONAL_DATA);
        boolean isSubject = has(element, DATA_SUBJECT);
        if ((isPersonal || isSubject) && javaType != String.class) {
            throw new IllegalStateException("@PersonalData and @DataSubject go on String fields only: " + name);
        }
        if (isPersonal) {
            personal.add(name);
        }
        if (isSubject) {
            subjects.add(name);
        }
    }

    private static boolean has(AnnotatedElement element, String annotationName) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getName().equals(annotationName)) {
                return true;
            }
        }
        return false;
    }
}
