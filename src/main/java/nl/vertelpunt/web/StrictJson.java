package nl.vertelpunt.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * Request bodies read into records are read as strictly as {@link JsonBodies}, and their types are strict; what does
 * not fit is refused (400 naming the field), never mended:
 *
 * <ul>
 *   <li>a key given twice and anything after the JSON value ({@code body});
 *   <li>a text where another type belongs and the other way round: {@code "1"} is not a number, {@code 1} is not a
 *       text, {@code "true"} and {@code 1} are not true, {@code 1.5} is not a whole number;
 *   <li>a text (or a key) holding U+0000 or half of a surrogate pair ({@link Texts#problem});
 *   <li>a number too large for its field ({@code 1e400}, {@code 2^63} for a whole number);
 *   <li>an id that is not a text of the 36 characters of a UUID;
 *   <li>a date that is not a text of the form {@code yyyy-mm-dd} (a number such as {@code 20260101} is not a day
 *       count, {@code 2026-1-1} and {@code 2026-02-30} are not dates). Whether a date is within range is for the
 *       service that reads it ({@link Dates}).
 * </ul>
 *
 * This customizer runs after Quarkus's own, so that its date reader replaces the lenient one of the Java time module.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** A refusal of a value with a message of its own; the path to the field is added as it goes up. */
    public static final class Refusal extends MismatchedInputException {
        public Refusal(JsonParser p, String message, Class<?> type) {
            super(p, message, type);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            for (CoercionInputShape shape : new CoercionInputShape[] {
                CoercionInputShape.String,
                CoercionInputShape.EmptyString,
                CoercionInputShape.Boolean,
                CoercionInputShape.Integer,
                CoercionInputShape.Float
            }) {
                if (!matches(type, shape)) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        SimpleModule strict = new SimpleModule("vertelpunt-strict");
        strict.addDeserializer(String.class, strings());
        strict.addKeyDeserializer(String.class, new Keys());
        strict.addDeserializer(LocalDate.class, dates());
        strict.addDeserializer(Double.class, new FiniteDoubles());
        strict.addDeserializer(UUID.class, ids());
        mapper.registerModule(strict);
    }

    /** Run after every other customizer. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    private static boolean matches(LogicalType type, CoercionInputShape shape) {
        return (type == LogicalType.Integer && shape == CoercionInputShape.Integer)
                || (type == LogicalType.Float
                        && (shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer))
                || (type == LogicalType.Boolean && shape == CoercionInputShape.Boolean);
    }

    /**
     * A value written as a JSON text: anything but a text is refused, and so is a text that {@code read} gives no
     * value for ({@code why} says why).
     */
    static final class FromText<T> extends StdScalarDeserializer<T> {
        private final transient Function<String, T> read;
        private final transient Function<String, String> why;

        FromText(Class<T> type, Function<String, T> read, Function<String, String> why) {
            super(type);
            this.read = read;
            this.why = why;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            T value = read.apply(text);
            if (value == null) {
                throw new Refusal(p, why.apply(text), handledType());
            }
            return value;
        }
    }

    /** Texts: only one {@link Texts#problem} lets through. */
    private static FromText<String> strings() {
        return new FromText<>(String.class, text -> Texts.problem(text) == null ? text : null, Texts::problem);
    }

    /** Dates: only a text yyyy-mm-dd that is a day of the calendar. */
    private static FromText<LocalDate> dates() {
        return new FromText<>(LocalDate.class, Dates::parse, Dates::notADate);
    }

    /**
     * Ids: only a text of the 36 characters of a UUID. (Jackson's own reader trims a text first, so that
     * {@code "\u0000"} became no id at all.)
     */
    private static FromText<UUID> ids() {
        return new FromText<>(
                UUID.class,
                text -> {
                    try {
                        return text.length() == 36 ? UUID.fromString(text) : null;
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                },
                text -> Texts.problem(text) != null
                        ? Texts.problem(text)
                        : "must be an id such as 3f0e8c52-6f4e-4c8e-9a51-2b7f1d7c9e10");
    }

    /** Keys of maps (question ids, for one): the same check as every text. */
    static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = Texts.problem(key);
            if (problem != null) {
                throw new Refusal(ctxt.getParser(), "(the name) " + problem, String.class);
            }
            return key;
        }
    }

    /** Numbers with a fraction: refused when they are too large to hold ({@code 1e400} is not infinity). */
    static final class FiniteDoubles extends StdScalarDeserializer<Double> {
        FiniteDoubles() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_FLOAT) && !p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return (Double) ctxt.handleUnexpectedToken(Double.class, p);
            }
            double value = p.getDoubleValue();
            if (!Double.isFinite(value)) {
                throw new Refusal(p, "is too large: a number from -1e300 to 1e300 is expected", Double.class);
            }
            return value;
        }
    }
}
