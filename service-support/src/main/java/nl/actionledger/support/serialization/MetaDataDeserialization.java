package nl.actionledger.support.serialization;

import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every Jackson serializer of Axon's in the service {@link ResolvedMetaDataDeserializer} for events' metadata, in
 * place of Axon's own, which looked its map deserializer up again for every event: 8 % of query-service's CPU in the
 * benchmark's profile went to reading metadata, most of it to that lookup. Registered as soon as each serializer is
 * made, before it reads anything.
 */
@Configuration(proxyBeanMethods = false)
public class MetaDataDeserialization {

    /** Registered after Axon's module, so that its deserializer is the one found for {@link MetaData}. */
    public static SimpleModule module() {
        return new SimpleModule("Action Ledger metadata")
                .addDeserializer(MetaData.class, new ResolvedMetaDataDeserializer());
    }

    @Bean
    static BeanPostProcessor resolvedMetaDataDeserializer() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JacksonSerializer serializer) {
                    serializer.getObjectMapper().registerModule(module());
                }
                return bean;
            }
        };
    }
}
