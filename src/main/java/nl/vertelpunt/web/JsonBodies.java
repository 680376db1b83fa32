package nl.vertelpunt.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON request body with a hard size limit, strictly: bytes that are not UTF-8, duplicate keys, trailing
 * content, anything but an object at the top, and texts (values or keys) that {@link Texts#problem} refuses are all
 * refused with a message that says where.
 */
public final class JsonBodies {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {}

    /** Reads at most {@code limit} bytes; more gives 413, bad JSON gives 400, a non-object gives 400. */
    public static JsonNode readObject(InputStream body, int limit) {
        return parseObject(readLimited(body, limit), "body", "");
    }

    /**
     * Parses a JSON object; 400 naming {@code field} when the bytes are empty, not UTF-8, not JSON or not an object,
     * and 400 naming every text inside that {@link Texts#problem} refuses (its place after {@code prefix}).
     */
    public static JsonNode parseObject(byte[] bytes, String field, String prefix) {
        if (bytes.length == 0) {
            throw ProblemException.malformed(field, "is empty; a JSON object is expected");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(Texts.decode(bytes));
        } catch (CharacterCodingException e) {
            throw ProblemException.malformed(field, NOT_UTF8);
        } catch (JsonParseException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw ProblemException.malformed(field, "not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.malformed(field, "not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.malformed(field, "a JSON object is expected");
        }
        List<FieldError> errors = new ArrayList<>();
        checkTexts(node, prefix, errors);
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " texts cannot be taken in; see errors";
            throw new ProblemException(400, "Malformed request", detail, errors);
        }
        return node;
    }

    /** Why a body that is not UTF-8 is refused. */
    public static final String NOT_UTF8 = "is not valid UTF-8; send JSON as UTF-8";

    /** Adds a problem for every key and text in the tree that {@link Texts#problem} refuses. */
    private static void checkTexts(JsonNode node, String path, List<FieldError> errors) {
        if (node.isTextual()) {
            String problem = Texts.problem(node.textValue());
            if (problem != null) {
                errors.add(new FieldError(path.isEmpty() ? "body" : path, problem));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = JsonPaths.field(path, e.getKey());
                String problem = Texts.problem(e.getKey());
                if (problem != null) {
                    errors.add(new FieldError(p, "(the name) " + problem));
                }
                checkTexts(e.getValue(), p, errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkTexts(node.get(i), JsonPaths.index(path, i), errors);
            }
        }
    }

    /** Reads the whole stream, refusing with 413 as soon as it exceeds {@code limit} bytes. */
    public static byte[] readLimited(InputStream body, int limit) {
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        try {
            int n;
            while ((n = body.read(buffer)) != -1) {
                total += n;
                if (total > limit) {
                    throw new ProblemException(
                            413,
                            "Request too large",
                            "The request body is larger than " + (limit / 1024) + " KB.",
                            List.of(new FieldError("body", "larger than " + (limit / 1024) + " KB")));
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw ProblemException.malformed("body", "the request body could not be read");
        }
        return out.toByteArray();
    }

    /** Whether the token is a JSON integer (not 3.0, not "3"). */
    public static boolean isInteger(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt();
    }
}
