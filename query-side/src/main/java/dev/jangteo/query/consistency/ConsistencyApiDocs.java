package dev.jangteo.query.consistency;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consistency token of every {@link ConsistentRead} endpoint in the OpenAPI document: the interceptor reads it,
 * not the controller, so springdoc cannot see it.
 */
@Configuration(proxyBeanMethods = false)
class ConsistencyApiDocs {

    private static final String WHAT = "A command answer's consistency token: the query waits, at most "
            + "jangteo.consistency.max-wait (2 s), until the read model has processed it, then answers with "
            + "X-Consistency: CONSISTENT, or STALE past the wait. Give it as header or parameter; both must agree.";

    @Bean
    OperationCustomizer consistencyToken() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(ConsistentRead.class)) {
                operation.addParametersItem(token(new HeaderParameter().name(ConsistencyToken.HEADER)));
                operation.addParametersItem(token(new QueryParameter().name(ConsistencyToken.PARAMETER)));
            }
            return operation;
        };
    }

    private static Parameter token(Parameter parameter) {
        return parameter.required(false).description(WHAT).schema(new StringSchema().pattern("^[0-9]{1,18}$"));
    }
}
