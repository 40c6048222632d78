package nl.actionledger.support.serialization;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Reads {@link MetaData} exactly as Axon's {@code MetaDataDeserializer} does (a map of names to untyped values, through
 * the mapper's own map deserializer), with that map deserializer looked up once, when Jackson resolves this one, rather
 * than for every event: the lookup resolves the map's key deserializer anew each time, which cost more than reading
 * the metadata itself.
 */
final class ResolvedMetaDataDeserializer extends StdDeserializer<MetaData> implements ContextualDeserializer {

    private final JsonDeserializer<Object> values;

    ResolvedMetaDataDeserializer() {
        this(null);
    }

    private ResolvedMetaDataDeserializer(JsonDeserializer<Object> values) {
        super(MetaData.class);
        this.values = values;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        return new ResolvedMetaDataDeserializer(mapDeserializer(context));
    }

    @Override
    @SuppressWarnings("unchecked")
    public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        // Jackson resolves a deserializer before it uses it; looked up here only should one be used unresolved.
        JsonDeserializer<Object> map = values != null ? values : mapDeserializer(context);
        return MetaData.from((Map<String, ?>) map.deserialize(parser, context, new HashMap<String, Object>()));
    }

    private static JsonDeserializer<Object> mapDeserializer(DeserializationContext context)
            throws JsonMappingException {
        return context.findRootValueDeserializer(
                context.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    /** As Axon's: with default typing on, metadata is read as the typed object it was written as. */
    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types)
            throws IOException {
        return types.deserializeTypedFromObject(parser, context);
    }
}
