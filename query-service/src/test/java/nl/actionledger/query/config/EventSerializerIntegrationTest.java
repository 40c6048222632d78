package nl.actionledger.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** The serializer the projections and the rebuild read events with reads their metadata with service-support's own. */
class EventSerializerIntegrationTest extends QueryServiceIntegrationTestBase {

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Test
    void eventsMetadataIsReadWithTheDeserializerThatResolvesItsMapOnce() throws Exception {
        ObjectMapper mapper = ((JacksonSerializer) eventSerializer).getObjectMapper();
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createDummyInstance(mapper.getDeserializationConfig());

        assertThat(context.findRootValueDeserializer(mapper.constructType(MetaData.class))
                        .getClass()
                        .getSimpleName())
                .isEqualTo("ResolvedMetaDataDeserializer");
    }
}
