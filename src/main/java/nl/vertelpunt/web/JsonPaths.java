package nl.vertelpunt.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Names a place in a JSON document the way error messages show it: {@code questions[2].options[0].id}. */
public final class JsonPaths {

    private JsonPaths() {}

    public static String of(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    public static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    public static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }
}
