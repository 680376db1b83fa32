package nl.vertelpunt.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What every API request carries besides its fields is checked before an endpoint reads it:
 *
 * <ul>
 *   <li>a request with a body names its {@code Content-Type} (415 otherwise, naming {@code Content-Type}), and a
 *       charset a JSON body names is UTF-8 (files are read as UTF-8 whatever they say, and refused where they are
 *       not);
 *   <li>a JSON body is there when the endpoint reads one, and is UTF-8 (400 naming {@code body}): bytes that are not
 *       (overlong forms, surrogates, beyond U+10FFFF, stray bytes, UTF-16) would otherwise be read as other
 *       characters;
 *   <li>every path parameter and query parameter, with its %-escapes decoded, is UTF-8 and passes
 *       {@link Texts#problem} (400 naming the parameter: {@code slug}, {@code id}, {@code lang}…), and a query
 *       parameter that is a whole number or an id is one (400 naming it, not the 404 of JAX-RS).
 * </ul>
 */
public class RequestInput {

    @ServerRequestFilter
    public void check(RoutingContext ctx, ResourceInfo resource) {
        HttpServerRequest request = ctx.request();
        checkPath(request.path(), template(resource));
        checkQuery(request.query(), queryTypes(resource));
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        boolean hasBody = (body != null && body.length() > 0) || declaresBody(request);
        if (hasBody && (type == null || type.isBlank())) {
            throw unsupported("is required for a request with a body, e.g. application/json");
        }
        if (type == null) {
            return;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        String media = lower.split(";")[0].strip();
        boolean json = media.equals("application/json") || media.endsWith("+json");
        int charset = lower.indexOf("charset=");
        if (json && charset >= 0) {
            String name = lower.substring(charset + "charset=".length())
                    .split(";")[0]
                    .strip()
                    .replace("\"", "");
            if (!name.equals("utf-8") && !name.equals("utf8")) {
                throw unsupported("names the charset '" + name + "'; JSON is sent as UTF-8");
            }
        }
        if (json && !hasBody && readsBody(resource)) {
            throw ProblemException.malformed("body", "is empty; a JSON object is expected");
        }
        if (json && body != null && !Texts.isUtf8(body.getBytes())) {
            throw ProblemException.malformed("body", JsonBodies.NOT_UTF8);
        }
    }

    /** Whether the endpoint reads a body: one of its parameters is not taken from the address, headers or context. */
    private static boolean readsBody(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        for (Parameter p : method.getParameters()) {
            boolean fromElsewhere = false;
            for (Annotation a : p.getAnnotations()) {
                String name = a.annotationType().getName();
                fromElsewhere |= name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.");
            }
            if (!fromElsewhere) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.strip().equals("0"))
                || request.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
    }

    private static ProblemException unsupported(String message) {
        return new ProblemException(
                415,
                "Unsupported Media Type",
                "Content-Type: " + message,
                List.of(new FieldError("Content-Type", message)));
    }

    /** The segments of the matched endpoint's path, such as {@code api, storypoints, {slug}, stories, {id}}. */
    private static List<String> template(ResourceInfo resource) {
        StringBuilder path = new StringBuilder();
        if (resource != null && resource.getResourceClass() != null) {
            Path type = resource.getResourceClass().getAnnotation(Path.class);
            if (type != null) {
                path.append(type.value());
            }
            Method method = resource.getResourceMethod();
            Path own = method == null ? null : method.getAnnotation(Path.class);
            if (own != null) {
                path.append('/').append(own.value());
            }
        }
        return segments(path.toString());
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Each path parameter, named by the endpoint's template, decoded strictly; the raw path is never decoded twice. */
    private static void checkPath(String rawPath, List<String> template) {
        List<String> raw = segments(rawPath);
        for (int i = 0; i < raw.size(); i++) {
            String name = i < template.size()
                            && raw.size() == template.size()
                            && template.get(i).startsWith("{")
                    ? template.get(i)
                            .substring(1, template.get(i).length() - 1)
                            .split(":")[0]
                            .strip()
                    : "path";
            check(name, raw.get(i), false);
        }
    }

    /** The types of the endpoint's query parameters, by name. */
    private static Map<String, Class<?>> queryTypes(ResourceInfo resource) {
        Map<String, Class<?>> types = new HashMap<>();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            for (Parameter p : method.getParameters()) {
                QueryParam q = p.getAnnotation(QueryParam.class);
                if (q != null) {
                    types.put(q.value(), p.getType());
                }
            }
        }
        return types;
    }

    private static void checkQuery(String query, Map<String, Class<?>> types) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name;
            try {
                name = decode(rawName, true);
            } catch (IllegalArgumentException | CharacterCodingException e) {
                throw ProblemException.malformed("query", "holds a parameter name that is not valid UTF-8");
            }
            check(name, rawName, true);
            String value = check(name, eq < 0 ? "" : pair.substring(eq + 1), true);
            checkType(name, value, types.get(name));
        }
    }

    /** A number or an id in the query is refused here, naming it, rather than answered with 404. */
    private static void checkType(String name, String value, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == UUID.class && (value.length() != 36 || UUID.fromString(value) == null)) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed(
                    name,
                    type == UUID.class
                            ? "must be an id such as 3f0e8c52-6f4e-4c8e-9a51-2b7f1d7c9e10"
                            : "must be a whole number");
        }
    }

    /** The text of a part of the address; 400 naming the field when it cannot be taken in. */
    private static String check(String field, String raw, boolean query) {
        String value;
        try {
            value = decode(raw, query);
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed(field, "holds a '%' that is not followed by two hexadecimal digits");
        } catch (CharacterCodingException e) {
            throw ProblemException.malformed(field, "is not valid UTF-8 once its %-escapes are decoded");
        }
        String problem = Texts.problem(value);
        if (problem != null) {
            throw ProblemException.malformed(field, problem);
        }
        return value;
    }

    /** Percent-decodes a part of an address into UTF-8 text, strictly ({@code +} is a space in a query). */
    static String decode(String raw, boolean query) throws CharacterCodingException {
        if (raw.indexOf('%') < 0 && !(query && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("cut-off escape");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("not an escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return Texts.decode(bytes.toByteArray());
    }
}
