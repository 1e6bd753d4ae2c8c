package dev.jangteo.command.refusal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;

import java.lang.reflect.Executable;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The commands that create an aggregate: those handled by an aggregate's constructor or by a handler that always
 * creates. For them a conflict on the aggregate's stream means it exists already; for any other command it means a
 * lost race. Read from Axon's own aggregate configuration once it is complete, at the first question.
 */
final class CreatingCommands {

    private final Supplier<Configuration> axonConfiguration;
    private volatile Set<Class<?>> types;

    CreatingCommands(Supplier<Configuration> axonConfiguration) {
        this.axonConfiguration = axonConfiguration;
    }

    boolean creates(Class<?> commandType) {
        Set<Class<?>> known = types;
        if (known == null) {
            known = axonConfiguration.get().findModules(AggregateConfiguration.class).stream()
                                     .<Class<?>>map(AggregateConfiguration::aggregateType)
                                     .flatMap(CreatingCommands::creatingCommandsOf)
                                     .collect(java.util.stream.Collectors.toUnmodifiableSet());
            types = known;
        }
        return known.contains(commandType);
    }

    private static Stream<Class<?>> creatingCommandsOf(Class<?> aggregate) {
        Stream<Executable> constructors = Stream.<Executable>of(aggregate.getDeclaredConstructors());
        Stream<Executable> alwaysCreating = Stream.<Executable>of(aggregate.getDeclaredMethods()).filter(method -> {
            CreationPolicy policy = method.getAnnotation(CreationPolicy.class);
            return policy != null && policy.value() == AggregateCreationPolicy.ALWAYS;
        });
        return Stream.concat(constructors, alwaysCreating)
                     .filter(handler -> handler.isAnnotationPresent(CommandHandler.class))
                     .filter(handler -> handler.getParameterCount() > 0)
                     .map(handler -> handler.getParameterTypes()[0]);
    }
}
