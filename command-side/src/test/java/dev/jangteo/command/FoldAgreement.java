package dev.jangteo.command;

import dev.jangteo.api.Money;
import dev.jangteo.api.audit.AggregateFold;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * An aggregate and its audit fold (shared-api's {@code dev.jangteo.api.audit}) agree: sourced from the same events,
 * every field the aggregate keeps equals the field of the same name in the fold's state. The aggregate is sourced
 * through Axon's own event sourcing handlers, as a repository loads it, and its fields are read as they are: a
 * field added later is compared from the day it exists, and fails until the fold keeps it too or
 * {@link #notFolded} says why auditors do without it. The fold may keep more (names, texts); that is not compared.
 * Only representation is normalised: Money as its won, a set as its sorted elements (against the fold's list, sorted
 * the same way, so a duplicate in the list is still a difference), a map whatever its order.
 */
public final class FoldAgreement<A> {

    /** How many distinct ids a step picks from: small, so ids repeat and some name what never happened. */
    public static final int POOL = 5;

    /**
     * One generated change: its kind, two numbers below {@link #POOL} that each test turns into ids, and an amount
     * (1 to 100) for whatever the event counts.
     */
    public record Step<K>(K kind, int id, int other, int amount) {
    }

    /** Where an aggregate field is in the fold's state, and how each side is shown so that they compare. */
    private record Counterpart(String foldField, Function<Object, Object> aggregateView,
                               Function<Object, Object> foldView) {
    }

    private final Class<A> type;
    private final Supplier<A> blank;
    private final AggregateModel<A> model;
    private final Map<String, Counterpart> counterparts = new HashMap<>();
    private final Map<String, String> notFolded = new HashMap<>();

    private FoldAgreement(Class<A> type, Supplier<A> blank) {
        this.type = type;
        this.blank = blank;
        this.model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type);
    }

    /** {@code blank} is the aggregate's no-argument constructor, which Axon calls before sourcing it. */
    public static <A> FoldAgreement<A> of(Class<A> type, Supplier<A> blank) {
        return new FoldAgreement<>(type, blank);
    }

    /** Up to 60 steps of the given kinds, in any order. */
    public static <K extends Enum<K>> Gen<List<Step<K>>> steps(Class<K> kinds) {
        Gen<Integer> pick = integers().between(0, POOL - 1);
        Gen<Step<K>> step = Generate.enumValues(kinds).zip(pick, pick, integers().between(1, 100), Step::new);
        return lists().of(step).ofSizeBetween(0, 60);
    }

    /** The aggregate's {@code field} is the fold's {@code foldField}, once each is seen through its view. */
    @SuppressWarnings("unchecked")
    public <X, Y> FoldAgreement<A> comparedAs(String field, Function<X, ?> aggregateView, String foldField,
                                              Function<Y, ?> foldView) {
        counterparts.put(field, new Counterpart(foldField, value -> aggregateView.apply((X) value),
                                                value -> foldView.apply((Y) value)));
        return this;
    }

    /** The aggregate's {@code field} has no counterpart in the fold, for {@code reason}. */
    public FoldAgreement<A> notFolded(String field, String reason) {
        notFolded.put(field, reason);
        return this;
    }

    /**
     * Sources the aggregate and its fold from {@code events}, the first being the one that creates it. When they
     * differ, the message shows the history with every event dropped that the same differences do not need
     * (QuickTheories shortens a list only from its end), then each differing field with both values.
     */
    public void check(List<Object> events) {
        Map<String, String> differences = differences(events);
        if (differences.isEmpty()) {
            return;
        }
        List<Object> needed = events;
        for (int index = events.size() - 1; index > 0; index--) {
            List<Object> fewer = new ArrayList<>(needed);
            fewer.remove(index);
            Map<String, String> still = differencesIfSourced(fewer);
            if (still.keySet().equals(differences.keySet())) {
                needed = fewer;
                differences = still;
            }
        }
        List<Object> shown = needed;
        throw new AssertionError(type.getSimpleName() + " and its fold differ after these events:\n"
                                         + IntStream.range(0, shown.size())
                                                    .mapToObj(i -> "  " + i + " " + shown.get(i))
                                                    .collect(Collectors.joining("\n"))
                                         + "\n" + String.join("\n", differences.values()));
    }

    /** None when the aggregate cannot be sourced: a dropped event was one that a later one needs. */
    private Map<String, String> differencesIfSourced(List<Object> events) {
        try {
            return differences(events);
        } catch (RuntimeException unsourceable) {
            return Map.of();
        }
    }

    /** Each differing field of the aggregate, with what both sides hold. */
    private Map<String, String> differences(List<Object> events) {
        A aggregate = blank.get();
        AggregateFold fold = AggregateFold.forType(type.getSimpleName()).orElseThrow(
                () -> new AssertionError("No audit fold for aggregate type " + type.getSimpleName()));
        for (int sequence = 0; sequence < events.size(); sequence++) {
            model.publish(new GenericDomainEventMessage<>(type.getSimpleName(), "audited", sequence,
                                                          events.get(sequence)), aggregate);
            fold.apply(events.get(sequence));
        }
        Record state = (Record) fold.state();
        Map<String, String> differences = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()
                    || notFolded.containsKey(field.getName())) {
                continue;
            }
            Counterpart counterpart = counterparts.getOrDefault(
                    field.getName(), new Counterpart(field.getName(), Function.identity(), Function.identity()));
            RecordComponent component = Arrays.stream(state.getClass().getRecordComponents())
                                              .filter(c -> c.getName().equals(counterpart.foldField()))
                                              .findFirst().orElse(null);
            if (component == null) {
                differences.put(field.getName(), field.getName() + ": the fold's " + state.getClass().getSimpleName()
                        + " has no " + counterpart.foldField() + " (fold it, or say in notFolded why not)");
                continue;
            }
            Object kept = counterpart.aggregateView().apply(read(field, aggregate));
            Object expected = normal(kept);
            Object actual = normal(counterpart.foldView().apply(read(component, state)));
            if (kept instanceof Set<?> && actual instanceof List<?> list) {
                actual = sorted(list);
            }
            if (!Objects.equals(expected, actual)) {
                differences.put(field.getName(), field.getName() + ": aggregate " + expected + ", fold " + actual);
            }
        }
        return differences;
    }

    private static Object read(Field field, Object aggregate) {
        try {
            field.setAccessible(true);
            return field.get(aggregate);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(RecordComponent component, Record state) {
        try {
            return component.getAccessor().invoke(state);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object normal(Object value) {
        return switch (value) {
            case Money money -> money.won();
            case Set<?> set -> sorted(set);
            case List<?> list -> list.stream().map(FoldAgreement::normal).toList();
            case Map<?, ?> map -> {
                Map<String, Object> byKey = new TreeMap<>();
                map.forEach((key, entry) -> byKey.put(String.valueOf(key), normal(entry)));
                yield byKey;
            }
            case null, default -> value;
        };
    }

    private static List<Object> sorted(Collection<?> values) {
        return values.stream().map(FoldAgreement::normal).sorted(Comparator.comparing(String::valueOf)).toList();
    }
}
