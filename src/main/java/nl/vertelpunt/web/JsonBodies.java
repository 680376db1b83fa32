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
import java.util.List;

/**
 * Reads a JSON request body with a hard size limit, strictly: duplicate keys, trailing content and
 * anything but an object at the top are refused with a message that says where.
 */
public final class JsonBodies {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {}

    /** Reads at most {@code limit} bytes; more gives 413, bad JSON gives 400, a non-object gives 400. */
    public static JsonNode readObject(InputStream body, int limit) {
        byte[] bytes = readLimited(body, limit);
        if (bytes.length == 0) {
            throw ProblemException.malformed("body", "the request body is empty; a JSON object is expected");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(bytes);
        } catch (JsonParseException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw ProblemException.malformed("body", "not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.malformed("body", "not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.malformed("body", "a JSON object is expected");
        }
        return node;
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
