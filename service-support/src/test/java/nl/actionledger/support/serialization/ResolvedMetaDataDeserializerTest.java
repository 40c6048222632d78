package nl.actionledger.support.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class ResolvedMetaDataDeserializerTest {

    private static final List<String> METADATA = List.of(
            "{}",
            "{\"actor\":\"coordinator-1\",\"correlationId\":\"16775bb5-74c1-4392-b592-8f9edc18b259\",\"traceId\":\"abc\"}",
            "{\"actor\":\"zo\\u00eb \\\"q\\\"\",\"actorName\":\"Zo\u00eb de Vries\",\"count\":3,\"big\":12345678901234567890,"
                    + "\"ratio\":1.5,\"flag\":true,\"none\":null,\"nested\":{\"list\":[1,\"two\",null,{\"x\":[]}]}}",
            "{\"actor\":\"first\",\"actor\":\"last\"}");

    @Test
    void readsEveryMetadataAsAxonsOwnDeserializerDoes() {
        JacksonSerializer axons = JacksonSerializer.defaultSerializer();
        JacksonSerializer resolved = withResolvedMetaData();
        for (String json : METADATA) {
            SerializedMetaData<byte[]> stored =
                    new SerializedMetaData<>(json.getBytes(StandardCharsets.UTF_8), byte[].class);
            MetaData expected = axons.deserialize(stored);
            for (int i = 0; i < 3; i++) {
                assertThat((MetaData) resolved.deserialize(stored)).as(json).isEqualTo(expected);
            }
        }
    }

    @Test
    void theServicesSerializersReadMetadataWithIt() throws Exception {
        JacksonSerializer serializer = withResolvedMetaData();
        ObjectMapper mapper = serializer.getObjectMapper();
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createDummyInstance(mapper.getDeserializationConfig());

        assertThat(context.findRootValueDeserializer(mapper.constructType(MetaData.class)))
                .isInstanceOf(ResolvedMetaDataDeserializer.class);
    }

    private static JacksonSerializer withResolvedMetaData() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        Object bean = MetaDataDeserialization.resolvedMetaDataDeserializer()
                .postProcessAfterInitialization(serializer, "any");
        return (JacksonSerializer) bean;
    }
}
