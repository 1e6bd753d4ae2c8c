package dev.jangteo.query.consistency;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Read your own writes: the wait in front of {@link ConsistentRead} endpoints and the commit signal behind it. */
@Configuration(proxyBeanMethods = false)
class ConsistencyConfiguration implements WebMvcConfigurer {

    private final ConsistencyInterceptor interceptor;

    ConsistencyConfiguration(ConsistencyInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/**");
    }

    @Bean
    static ConfigurerModule commitSignalInterceptor(CommitSignal commits) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, name) -> commits.afterCommitInterceptor());
    }
}
