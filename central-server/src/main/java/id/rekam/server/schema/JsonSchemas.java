package id.rekam.server.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of {@code docs/schemas} (draft 2020-12), copied into this jar under
 * {@code schemas/} at build time, so what the server enforces is exactly what the docs say.
 * Schemas refer to each other by relative {@code $ref}; nothing is fetched from the network.
 * Problems are plain English with a JSON pointer to the value at fault, whatever the default
 * locale, so they can travel to a station as they are.
 */
public final class JsonSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().locale(Locale.ENGLISH)
                    .pathType(PathType.JSON_POINTER).build()));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    /**
     * @param name path below {@code docs/schemas} without {@code .schema.json}, e.g. {@code packet/fingers}
     * @return one line per problem, {@code <pointer>: <what is wrong>}; empty when valid
     */
    public static List<String> problems(String name, JsonNode value) {
        Schema schema = LOADED.computeIfAbsent(name, n -> {
            Schema s = REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/" + n + ".schema.json"));
            s.initializeValidators();
            return s;
        });
        List<Error> errors = schema.validate(value, c -> c.executionConfig(e -> e.locale(Locale.ENGLISH)));
        return errors.stream().map(JsonSchemas::line).distinct().toList();
    }

    private static String line(Error e) {
        String at = e.getInstanceLocation().toString();
        return (at.isEmpty() ? "/" : at) + ": " + e.getMessage().replaceFirst("^\\S*: ", "");
    }
}
